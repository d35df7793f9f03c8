import type { Selectable } from 'kysely';
import type { MatchingRunsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import type { Objective, Weights } from '../../matching/index.ts';
import { DEFAULT_WEIGHTS, OBJECTIVES } from '../../matching/index.ts';
import { RUN_STATUSES, runResultSchema } from '../../shared/api/matching.ts';
import type { RunResult, RunStatus } from '../../shared/api/matching.ts';

export interface MatchingRunRecord {
  id: number;
  periodId: number;
  status: RunStatus;
  progress: number;
  weights: Weights;
  objective: Objective;
  minScore: number | null;
  poolFingerprint: string;
  result: RunResult | null;
  /** The result exactly as stored: the version an edit must still find to replace it. */
  resultText: string | null;
  error: string | null;
  createdBy: number | null;
  createdAt: string;
  heartbeatAt: string | null;
  finishedAt: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
}

type Row = Selectable<MatchingRunsTable>;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Results are written only by this feature; one that no longer parses reads as missing, not as a crash. */
export function parseRunResult(text: string | null): RunResult | null {
  const parsed = runResultSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

/** A run with its result still as the stored text: parsing a large result is left to the caller. */
export type UnparsedRunRecord = Omit<MatchingRunRecord, 'result'>;

const toUnparsedRecord = (r: Row): UnparsedRunRecord => ({
  id: r.id,
  periodId: r.period_id,
  status: storedValue('matching_runs', 'status', RUN_STATUSES, r.status),
  progress: Number(r.progress),
  weights: { ...DEFAULT_WEIGHTS, ...(parseJson(r.weights) as Partial<Weights> | null) },
  objective: storedValue('matching_runs', 'objective', OBJECTIVES, r.objective),
  minScore: r.min_score === null ? null : Number(r.min_score),
  poolFingerprint: r.pool_fingerprint,
  resultText: r.result,
  error: r.error,
  createdBy: r.created_by,
  createdAt: r.created_at,
  heartbeatAt: r.heartbeat_at,
  finishedAt: r.finished_at,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
});

const toRecord = (r: Row): MatchingRunRecord => ({ ...toUnparsedRecord(r), result: parseRunResult(r.result) });

export interface NewRun {
  periodId: number;
  weights: Weights;
  objective: Objective;
  minScore: number | null;
  poolFingerprint: string;
  createdBy: number;
  at: string;
}

export async function insertRun(db: Executor, r: NewRun): Promise<number> {
  const row = await db
    .insertInto('matching_runs')
    .values({
      period_id: r.periodId,
      status: 'running',
      progress: 0,
      weights: JSON.stringify(r.weights),
      objective: r.objective,
      min_score: r.minScore,
      pool_fingerprint: r.poolFingerprint,
      result: null,
      error: null,
      created_by: r.createdBy,
      created_at: r.at,
      heartbeat_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findRun(db: Executor, id: number): Promise<MatchingRunRecord | undefined> {
  const row = await db.selectFrom('matching_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** The run with its result as stored text, for a reader that keeps parsed results (run-result-cache.ts). */
export async function findUnparsedRun(db: Executor, id: number): Promise<UnparsedRunRecord | undefined> {
  const row = await db.selectFrom('matching_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUnparsedRecord(row);
}

export async function findLatestRun(db: Executor, periodId: number): Promise<MatchingRunRecord | undefined> {
  const row = await db
    .selectFrom('matching_runs')
    .selectAll()
    .where('period_id', '=', periodId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toRecord(row);
}

/**
 * The latest run's id and what it judged pairs by, without reading its result: a run over
 * thousands of people stores megabytes of proposals, and pages that only need the weights
 * (every participant's "Why we paired you") must not parse them.
 */
export async function findLatestRunWeights(
  db: Executor,
  periodId: number,
): Promise<{ id: number; weights: Weights; minScore: number | null } | undefined> {
  const row = await db
    .selectFrom('matching_runs')
    .select(['id', 'weights', 'min_score'])
    .where('period_id', '=', periodId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      weights: { ...DEFAULT_WEIGHTS, ...(parseJson(row.weights) as Partial<Weights> | null) },
      minScore: row.min_score === null ? null : Number(row.min_score),
    }
  );
}

/** The newest run before `beforeId` that produced a result: what the workspace compares with. */
export async function findPreviousRunWithResult(db: Executor, periodId: number, beforeId: number): Promise<MatchingRunRecord | undefined> {
  const row = await db
    .selectFrom('matching_runs')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('id', '<', beforeId)
    .where('result', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** Ids of the period's runs still marked running (some may be orphans of a stopped instance). */
export async function listRunningRuns(
  db: Executor,
  periodId: number,
): Promise<{ id: number; createdAt: string; heartbeatAt: string | null }[]> {
  const rows = await db
    .selectFrom('matching_runs')
    .select(['id', 'created_at', 'heartbeat_at'])
    .where('period_id', '=', periodId)
    .where('status', '=', 'running')
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, heartbeatAt: r.heartbeat_at }));
}

/** Progress of a run still running; a finished run is never moved back. */
export async function saveRunProgress(db: Executor, id: number, progress: number, at: string): Promise<void> {
  await db.updateTable('matching_runs').set({ progress, heartbeat_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function saveRunHeartbeat(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('matching_runs').set({ heartbeat_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Stores the result of a running run (as JSON the worker made) and marks it done. */
export async function finishRun(db: Executor, id: number, resultJson: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('matching_runs')
    .set({ status: 'done', progress: 1, result: resultJson, heartbeat_at: at, finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function failRun(db: Executor, id: number, error: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('matching_runs')
    .set({ status: 'failed', error, heartbeat_at: at, finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Replaces a done run's result only if it is still the one `run` read: two people editing one proposal at the
 * same moment cannot silently undo each other.
 */
export async function replaceRunResult(db: Executor, run: Pick<MatchingRunRecord, 'id' | 'resultText'>, to: RunResult): Promise<boolean> {
  if (run.resultText === null) return false;
  const result = await db
    .updateTable('matching_runs')
    .set({ result: JSON.stringify(to) })
    .where('id', '=', run.id)
    .where('status', '=', 'done')
    .where('result', '=', run.resultText)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markRunApproved(db: Executor, id: number, by: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('matching_runs')
    .set({ status: 'approved', approved_by: by, approved_at: at })
    .where('id', '=', id)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
