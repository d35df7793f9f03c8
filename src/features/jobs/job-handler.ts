import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import type { JobRecord } from './jobs.store.ts';

/** What a handler gets: the job, the time it runs at, and the transaction that will mark it done. */
export interface JobContext {
  job: JobRecord;
  now: Date;
  /** Everything the handler writes goes through this, so it commits together with "done", or not at all. */
  trx: Transaction<Database>;
  deps: Deps;
}

/**
 * How the job ended. "done" names the outbox messages it recorded (recordMail with ctx.trx), to
 * be delivered after commit, and says whether it queued more of its work to run now (a batch of a
 * long round): the worker then polls again at once rather than a poll interval later. "skipped"
 * says why it no longer applied, in words staff read.
 */
export type JobOutcome = { status: 'done'; outboxIds?: readonly number[]; queuedMore?: boolean } | { status: 'skipped'; reason: string };

/** Runs one job. Throwing means "try again later" (with backoff), until the job runs out of attempts. */
export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;

/** Job kind → its handler. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/**
 * A job that should run once per slot of `everyMs` (counted from the epoch, in UTC), on one
 * instance only: each worker enqueues the current slot's job, and the dedupe key makes all but
 * the first of those a no-op.
 */
export interface RecurringJob {
  kind: string;
  everyMs: number;
  maxAttempts?: number;
}
