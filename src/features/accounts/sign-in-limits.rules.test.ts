import { describe, expect, it } from 'vitest';
import { laterPause, pausedUntil, retryAfterSeconds, SIGN_IN_WINDOW_MS, windowStart } from './sign-in-limits.rules.ts';

describe('sign-in limits', () => {
  const policy = { windowMs: SIGN_IN_WINDOW_MS };
  const now = new Date('2026-03-08T08:00:00.000Z');

  it('counts failures after the start of a 15-minute window', () => {
    expect(windowStart(now, policy)).toBe('2026-03-08T07:45:00.000Z');
  });

  it('pauses until the limit-th most recent failure leaves the window', () => {
    expect(pausedUntil(undefined, policy)).toBeNull();
    expect(pausedUntil('2026-03-08T07:50:00.000Z', policy)?.toISOString()).toBe('2026-03-08T08:05:00.000Z');
  });

  it('tells whole seconds to wait, never zero', () => {
    expect(retryAfterSeconds(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(retryAfterSeconds(new Date(now.getTime() + 1), now)).toBe(1);
    expect(retryAfterSeconds(now, now)).toBe(1);
  });

  it('keeps the later of the account and the address pauses', () => {
    const a = new Date('2026-03-08T08:05:00.000Z');
    const b = new Date('2026-03-08T08:09:00.000Z');
    expect(laterPause(a, b)).toBe(b);
    expect(laterPause(b, a)).toBe(b);
    expect(laterPause(null, a)).toBe(a);
    expect(laterPause(a, null)).toBe(a);
    expect(laterPause(null, null)).toBeNull();
  });
});
