import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('returns plain text untouched', () => {
    expect(linkify('Hello there')).toEqual([{ kind: 'text', text: 'Hello there' }]);
  });

  it('turns an invitation link into a link part', () => {
    expect(linkify('Accept here: http://localhost:3000/invite/abc123def456\nThanks')).toEqual([
      { kind: 'text', text: 'Accept here: ' },
      { kind: 'link', text: 'http://localhost:3000/invite/abc123def456', href: 'http://localhost:3000/invite/abc123def456' },
      { kind: 'text', text: '\nThanks' },
    ]);
  });

  it('leaves sentence punctuation outside the link', () => {
    expect(linkify('See https://example.org/a.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('ignores other schemes', () => {
    expect(linkify('javascript:alert(1) mailto:a@b.c')).toEqual([{ kind: 'text', text: 'javascript:alert(1) mailto:a@b.c' }]);
  });
});
