import { describe, expect, it } from 'vitest';
import { oneLine } from './mail.service.ts';

describe('mail headers', () => {
  it('fold every control character and line break, so nothing can be injected', () => {
    expect(oneLine('Hello\r\nBcc: victim@example.org')).toBe('Hello Bcc: victim@example.org');
    expect(oneLine('Tab\there\u2028and\u0000there')).toBe('Tab here and there');
  });
});
