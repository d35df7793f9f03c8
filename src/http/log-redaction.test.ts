import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

describe('log redaction', () => {
  it('keeps the route and hides link tokens', () => {
    const token = 'AbC_dEf-0123456789abcdefghijklmnopqrstuvwx';
    expect(redactUrl(`/api/invitations/${token}/accept`)).toBe('/api/invitations/[token]/accept');
    expect(redactUrl('/api/periods/12/transition')).toBe('/api/periods/12/transition');
  });
});
