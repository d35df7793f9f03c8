import { describe, expect, it } from 'vitest';
import { oneLine } from './mail.service.ts';

describe('mail headers', () => {
  it('fold every control character and line break, so nothing can be injected', () => {
    expect(oneLine('Hello\r\nBcc: victim@example.org')).toBe('Hello Bcc: victim@example.org');
    expect(oneLine('Tab\there\u2028and\u0000there')).toBe('Tab here and there');
    // NEL, the line and the paragraph separator break lines in some mail readers too.
    expect(oneLine('One\u0085Bcc: x@example.org\u2029Two\u2028Three')).toBe('One Bcc: x@example.org Two Three');
    expect(oneLine('C1\u0080\u009fend')).toBe('C1 end');
  });
});
