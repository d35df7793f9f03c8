import { DAY_MS, MINUTE_MS } from '../../time/clock.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
}

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** The absolute end of a session started at `now`. */
export function sessionExpiry(now: Date, policy: SessionPolicy): Date {
  return new Date(now.getTime() + policy.maxDays * DAY_MS);
}

/** A session ends at its absolute expiry or after `idleMinutes` without a request. */
export function isSessionAlive(s: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  const t = now.getTime();
  if (t >= Date.parse(s.expiresAt)) return false;
  return t - Date.parse(s.lastSeenAt) < policy.idleMinutes * MINUTE_MS;
}

/** Recording every request would make each read a write; once a minute is precise enough. */
export function shouldTouchSession(s: SessionTimes, now: Date): boolean {
  return now.getTime() - Date.parse(s.lastSeenAt) >= MINUTE_MS;
}
