import type { Insertable, Selectable } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { JobsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { addMs, toInstant } from '../../time/instant.ts';
import { DEFAULT_MAX_ATTEMPTS } from './job.rules.ts';
import { JOB_STATUSES } from './job.types.ts';
import type { JobStatus } from './job.types.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

/**
 * The durable job queue: one table, `jobs`, shared by every instance of the app. The statements
 * here are the whole of its concurrency story (docs/decisions/0006-job-queue.md):
 * - a unique dedupe key makes enqueuing idempotent;
 * - claiming is one UPDATE over the due rows (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has
 *   a single writer), so two workers never claim the same job at once;
 * - every later write names the worker holding the lease (the fence), so a worker whose lease
 *   was taken over can no longer finish, retry or fail the job.
 */
export interface JobRecord {
  id: number;
  kind: string;
  dedupeKey: string;
  payload: unknown;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  /** The last error; for a skipped job, why it was skipped. */
  lastError: string | null;
  outboxId: number | null;
  matchId: number | null;
  cancelledBy: number | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface NewJob {
  kind: string;
  dedupeKey: string;
  payload?: unknown;
  runAt: Date | string;
  matchId?: number | null;
  maxAttempts?: number;
}

type Row = Selectable<JobsTable>;

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export const toJobRecord = (r: Row): JobRecord => ({
  id: r.id,
  kind: r.kind,
  dedupeKey: r.dedupe_key,
  payload: parsePayload(r.payload),
  status: storedValue('jobs', 'status', JOB_STATUSES, r.status),
  runAt: r.run_at,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  lockedBy: r.locked_by,
  lockedUntil: r.locked_until,
  lastError: r.last_error,
  outboxId: r.outbox_id,
  matchId: r.match_id,
  cancelledBy: r.cancelled_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

const instant = (d: Date | string): string => (typeof d === 'string' ? new Date(d).toISOString() : toInstant(d));

function toRow(now: Date, job: NewJob): Insertable<JobsTable> {
  const at = toInstant(now);
  return {
    kind: job.kind,
    dedupe_key: job.dedupeKey,
    payload: JSON.stringify(job.payload ?? {}),
    status: 'scheduled',
    run_at: instant(job.runAt),
    attempts: 0,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    match_id: job.matchId ?? null,
    created_at: at,
    updated_at: at,
  };
}

/** Adds a job unless one with the same dedupe key exists (in any status). True when it was new. */
export async function enqueue(db: Executor, now: Date, job: NewJob): Promise<boolean> {
  const row = await db
    .insertInto('jobs')
    .values(toRow(now, job))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Many at once (a planner's output); returns how many were new. */
export async function enqueueMany(db: Executor, now: Date, jobs: readonly NewJob[]): Promise<number> {
  // 200 rows × 10 columns stays far below either dialect's limit on bound parameters.
  const added = await writeInChunks(jobs, 200, (chunk) =>
    db
      .insertInto('jobs')
      .values(chunk.map((j) => toRow(now, j)))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute(),
  );
  return added.length;
}

export interface JobKeyState {
  id: number;
  status: JobStatus;
  runAt: string;
  attempts: number;
}

/** The jobs that hold these dedupe keys, by key (keys nobody holds are absent). */
export async function jobsByDedupeKey(db: Executor, keys: readonly string[]): Promise<Map<string, JobKeyState>> {
  const found = new Map<string, JobKeyState>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .selectFrom('jobs')
      .select(['id', 'dedupe_key', 'status', 'run_at', 'attempts'])
      .where('dedupe_key', 'in', chunk)
      .execute();
    for (const r of rows)
      found.set(r.dedupe_key, {
        id: r.id,
        status: storedValue('jobs', 'status', JOB_STATUSES, r.status),
        runAt: r.run_at,
        attempts: r.attempts,
      });
  }
  return found;
}

export async function findJob(db: Executor, id: number): Promise<JobRecord | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJobRecord(row);
}

export async function findJobByKey(db: Executor, dedupeKey: string): Promise<JobRecord | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row && toJobRecord(row);
}

export interface ClaimRequest {
  dialect: Dialect;
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Takes up to `limit` due jobs for this worker, oldest run time first: scheduled ones whose time
 * has come, and running ones whose lease ran out (their worker died). One statement: on
 * PostgreSQL the inner SELECT locks the rows it picks and skips rows another worker is claiming
 * or running (FOR UPDATE SKIP LOCKED); SQLite runs one writer at a time.
 */
export async function claimJobs(db: Executor, c: ClaimRequest): Promise<JobRecord[]> {
  const at = toInstant(c.now);
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'scheduled'), eb('run_at', '<=', at)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(c.limit);
  if (c.dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: c.workerId,
      locked_until: toInstant(addMs(c.now, c.leaseMs)),
      attempts: eb('attempts', '+', 1),
      updated_at: at,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  // RETURNING promises no order.
  return rows.map(toJobRecord).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id - b.id);
}

/**
 * The fence: inside the transaction that runs the job, before anything else. It succeeds only
 * while this worker still holds the job, and (on PostgreSQL) it row-locks the job until commit,
 * so no other worker can take it over meanwhile. It also renews the lease.
 */
export async function fenceJob(db: Executor, id: number, workerId: string, now: Date, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: toInstant(addMs(now, leaseMs)), updated_at: toInstant(now) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The job is over: done (with the first e-mail it wrote) or skipped (with why). */
export async function finishJob(
  db: Executor,
  id: number,
  workerId: string,
  f: { status: 'done' | 'skipped'; outboxId: number | null; note: string | null; now: Date },
): Promise<boolean> {
  const at = toInstant(f.now);
  const result = await db
    .updateTable('jobs')
    .set({
      status: f.status,
      outbox_id: f.outboxId,
      last_error: f.note,
      locked_by: null,
      locked_until: null,
      finished_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** After a failed attempt: back on the queue at `runAt`, or failed for good (runAt null). */
export async function releaseFailedJob(
  db: Executor,
  id: number,
  workerId: string,
  f: { runAt: Date | null; error: string; now: Date },
): Promise<boolean> {
  const at = toInstant(f.now);
  const result = await db
    .updateTable('jobs')
    .set(
      f.runAt === null
        ? { status: 'failed', last_error: f.error, locked_by: null, locked_until: null, finished_at: at, updated_at: at }
        : { status: 'scheduled', run_at: toInstant(f.runAt), last_error: f.error, locked_by: null, locked_until: null, updated_at: at },
    )
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * A claimed job this worker will not start after all (it is stopping): back to scheduled at its
 * old time, and the claim does not count as an attempt.
 */
export async function unclaimJob(db: Executor, id: number, workerId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'scheduled',
      locked_by: null,
      locked_until: null,
      attempts: eb('attempts', '-', 1),
      updated_at: toInstant(now),
    }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Cancels a job of one of `kinds` that is still waiting; false when it is not (any more). */
export async function cancelScheduledJob(
  db: Executor,
  id: number,
  kinds: readonly string[],
  actorId: number | null,
  now: Date,
): Promise<boolean> {
  const at = toInstant(now);
  const result = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', cancelled_by: actorId, finished_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('kind', 'in', [...kinds])
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Marks waiting jobs skipped (a planner found they no longer apply). Only ones still scheduled change. */
export async function skipScheduledJob(db: Executor, id: number, reason: string, now: Date): Promise<boolean> {
  const at = toInstant(now);
  const result = await db
    .updateTable('jobs')
    .set({ status: 'skipped', last_error: reason, finished_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Puts a job that was skipped ahead of its time back on the queue (what made it not apply was
 * undone, e.g. a setting changed back). Only one whose time is still to come and that never ran:
 * a job is skipped at its time only by the worker, and that judgement stands.
 */
export async function reviveSkippedJob(db: Executor, id: number, now: Date): Promise<boolean> {
  const at = toInstant(now);
  const result = await db
    .updateTable('jobs')
    .set({ status: 'scheduled', last_error: null, finished_at: null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'skipped')
    .where('attempts', '=', 0)
    .where('run_at', '>', at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Moves a waiting job that has never been tried to a new time. */
export async function rescheduleUntriedJob(db: Executor, id: number, runAt: Date, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ run_at: toInstant(runAt), updated_at: toInstant(now) })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('attempts', '=', 0)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Forgets finished jobs of `kind` older than `before` (a recurring job leaves one row per run). */
export async function pruneFinishedJobs(db: Executor, kind: string, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('kind', '=', kind)
    .where('status', 'in', ['done', 'skipped'])
    .where('finished_at', '<', toInstant(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
