import { describe, expect, it } from 'vitest';
import { isSessionAlive, sessionExpiry, shouldTouchSession } from './session.rules.ts';

const policy = { idleMinutes: 30, maxDays: 2 };
const start = new Date('2026-09-01T10:00:00Z');
const session = {
  createdAt: start.toISOString(),
  lastSeenAt: start.toISOString(),
  expiresAt: sessionExpiry(start, policy).toISOString(),
};
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('sessions', () => {
  it('end after the idle time-out', () => {
    expect(isSessionAlive(session, at(29), policy)).toBe(true);
    expect(isSessionAlive(session, at(30), policy)).toBe(false);
  });

  it('end at the absolute expiry even when active', () => {
    const busy = { ...session, lastSeenAt: at(2 * 24 * 60 - 1).toISOString() };
    expect(isSessionAlive(busy, at(2 * 24 * 60 - 1), policy)).toBe(true);
    expect(isSessionAlive(busy, at(2 * 24 * 60), policy)).toBe(false);
  });

  it('record activity at most once a minute', () => {
    expect(shouldTouchSession(session, at(0.5))).toBe(false);
    expect(shouldTouchSession(session, at(1))).toBe(true);
  });
});
