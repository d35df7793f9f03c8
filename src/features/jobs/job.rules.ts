import { HOUR_MS, MINUTE_MS } from '../../time/clock.ts';

/**
 * The pure rules of the job queue: how long to wait after a failure, when to give up, what is
 * kept of an error, and which time slot a recurring job belongs to. Pure: `now` is passed in.
 */

export const DEFAULT_MAX_ATTEMPTS = 5;
const BACKOFF_FIRST_MS = MINUTE_MS;
const BACKOFF_FACTOR = 5;
const BACKOFF_CAP_MS = 6 * HOUR_MS;

/**
 * How long to wait before trying again after attempt number `attempts` (1 = the first) failed:
 * 1 min, 5 min, 25 min, 125 min, then 6 hours at most. No jitter: the claim is atomic, so workers
 * retrying at the same moment cannot both take the job.
 */
export function backoffMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  // Capped before it can overflow: 5^10 minutes is far past the cap already.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * BACKOFF_FACTOR ** Math.min(n - 1, 10));
}

export type AfterFailure = { status: 'scheduled'; runAt: Date } | { status: 'failed' };

/** A failed attempt goes back on the queue with a delay, until the job has used up its attempts. */
export function afterFailure(job: { attempts: number; maxAttempts: number }, now: Date): AfterFailure {
  if (job.attempts >= job.maxAttempts) return { status: 'failed' };
  return { status: 'scheduled', runAt: new Date(now.getTime() + backoffMs(job.attempts)) };
}

/**
 * What is stored of an error for staff to read: its first line, short, with any password in a
 * URL blanked (a driver error may quote a connection string). Never a stack trace.
 */
export function errorSummary(err: unknown, max = 500): string {
  const raw = err instanceof Error ? `${err.message || err.name}` : typeof err === 'string' ? err : 'Unknown error';
  const firstLine = raw.split(/\r?\n/, 1)[0] ?? '';
  const cleaned = firstLine.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@').trim();
  const text = cleaned === '' ? 'Unknown error' : cleaned;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The start of the `everyMs`-long slot `now` falls in (slots are counted from the Unix epoch, in UTC). */
export function slotStart(now: Date, everyMs: number): Date {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/** A recurring job's key for the slot `now` is in: enqueuing it again in the same slot is a no-op. */
export function recurringKey(kind: string, now: Date, everyMs: number): { dedupeKey: string; runAt: Date } {
  const runAt = slotStart(now, everyMs);
  return { dedupeKey: `${kind}:${runAt.toISOString()}`, runAt };
}
