import type { CheckInAnswer } from '../../shared/match-management.ts';
import { DAY_MS } from '../../time/clock.ts';

/**
 * The pure rules of check-ins: how long a link lives, what state a check-in is in, and how often
 * staff may send one to the same pair. Pure: `now` is passed in.
 */

/** A check-in link works for 14 days, like an invitation. */
export const CHECK_IN_TTL_MS = 14 * DAY_MS;
/** One check-in a day per match at most: a second press of the button sends nothing twice. */
export const CHECK_IN_RESEND_AFTER_MS = DAY_MS;

export function checkInExpiry(now: Date): Date {
  return new Date(now.getTime() + CHECK_IN_TTL_MS);
}

export type CheckInStatus = 'open' | 'answered' | 'expired';

/** Answered is final (the first answer stands, even after expiry); otherwise open until the expiry instant (exclusive). */
export function checkInStatus(c: { expiresAt: string; answer: CheckInAnswer | null }, now: Date): CheckInStatus {
  if (c.answer !== null) return 'answered';
  return now.getTime() >= Date.parse(c.expiresAt) ? 'expired' : 'open';
}

/** Whether staff may send this pair another check-in now, given when the last one went out. */
export function maySendAgain(lastSentAt: string | null, now: Date): boolean {
  return lastSentAt === null || now.getTime() - Date.parse(lastSentAt) >= CHECK_IN_RESEND_AFTER_MS;
}
