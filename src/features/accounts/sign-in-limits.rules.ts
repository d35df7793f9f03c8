/**
 * How many failed sign-ins an account, or one network address, may have before sign-in pauses
 * (issue #15, decision 0021). Counted over a sliding window in the database, so every instance
 * applies the same budget. Pure: the store finds the failures, these rules say what they mean.
 */
export interface SignInLimitPolicy {
  /** Failures for one account (whatever address they come from) before it pauses. */
  perAccount: number;
  /** Failures from one address (whatever accounts they try) before it pauses. */
  perAddress: number;
  windowMs: number;
}

export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * The instant before which failures no longer count: anything at or before it is out of the
 * window (and may be deleted).
 */
export function windowStart(now: Date, policy: Pick<SignInLimitPolicy, 'windowMs'>): string {
  return new Date(now.getTime() - policy.windowMs).toISOString();
}

/**
 * When a key may try again, from the time of its limit-th most recent failure inside the window
 * (undefined: it has fewer, and may try now). The pause ends when that failure leaves the window.
 */
export function pausedUntil(limitthRecentFailure: string | undefined, policy: Pick<SignInLimitPolicy, 'windowMs'>): Date | null {
  if (limitthRecentFailure === undefined) return null;
  return new Date(new Date(limitthRecentFailure).getTime() + policy.windowMs);
}

/** Whole seconds until `until`, at least 1: the Retry-After a paused caller is told. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** The later of two pauses (null: none). */
export function laterPause(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
