import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './file-to-base64.ts';

describe('bytesToBase64', () => {
  it('encodes UTF-8 bytes exactly', () => {
    const bytes = new TextEncoder().encode('name,email\nZoë,z@example.org\n');
    expect(Buffer.from(bytesToBase64(bytes), 'base64').toString('utf8')).toBe('name,email\nZoë,z@example.org\n');
  });
  it('handles files larger than one slice', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(Buffer.from(bytesToBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
  it('encodes an empty file as an empty string', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
