import type { Executor } from '../../db/executor.ts';
import { enqueueMany } from './jobs.store.ts';

/**
 * How many people one job of a long round mails: a few tens of milliseconds of the server's time
 * (each message is written to the outbox in the job's transaction, and SQLite answers
 * synchronously, so a round of 23,000 in one job held the server for seconds).
 */
export const PEOPLE_PER_JOB = 200;

/**
 * For a job that works through a long list a batch at a time: queues batch number `batch` of the
 * round, due now, under the round's key and that number, so that a batch retried or a second
 * worker never queues it twice. The job that calls this says `queuedMore` in its outcome.
 */
export async function queueNextBatch(
  trx: Executor,
  now: Date,
  o: { kind: string; roundKey: string; batch: number; payload: Readonly<Record<string, unknown>> },
): Promise<void> {
  await enqueueMany(trx, now, [
    { kind: o.kind, dedupeKey: `${o.roundKey}:${o.batch}`, runAt: now, maxAttempts: 3, payload: { ...o.payload, batch: o.batch } },
  ]);
}
