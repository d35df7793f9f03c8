import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { perApp } from '../../per-app.ts';
import type { ProgramHealth } from '../../shared/api/program-health.ts';
import { createKeptThread } from '../../workers/kept-thread.ts';
import type { HealthJob, HealthWorkerData } from './health-job.ts';

/**
 * Past this many matches a period's health is worked out in a worker thread rather than on the
 * server's own: about 40 µs a match (reading its facts and assessing it), so a thousand hold the
 * event loop some 40 ms, while a year of 26,000 would hold it for more than a second, stalling
 * every other request each time a contact logged makes the kept answer stale.
 */
export const INLINE_MAX_MATCHES = 1_000;

/** A worker nobody has asked anything for this long stops, giving back its connection and memory. */
export const HEALTH_WORKER_IDLE_MS = 5 * 60_000;

/**
 * Longest a period's health may take in the worker: 26,000 matches take about a second on a slow
 * machine, so a minute means something is stuck (a lock, a runaway computation). Then the thread
 * is stopped, what it was asked fails, and the next request starts a fresh one.
 */
export const HEALTH_JOB_LIMIT_MS = 60_000;

const WORKER_ENTRY = new URL('./health-worker-boot.mjs', import.meta.url);

/** Works out periods' health in one worker thread, started when first needed and kept while in use. */
export interface HealthWorker {
  health(periodId: number, now: Date): Promise<ProgramHealth>;
  /** Whether its thread is running now (it starts on first use and stops when idle). */
  running(): boolean;
  close(): Promise<void>;
}

export function createHealthWorker(
  data: HealthWorkerData,
  { idleMs = HEALTH_WORKER_IDLE_MS, jobLimitMs = HEALTH_JOB_LIMIT_MS }: { idleMs?: number; jobLimitMs?: number } = {},
): HealthWorker {
  const thread = createKeptThread<HealthJob, ProgramHealth>({
    entry: WORKER_ENTRY,
    name: 'program health',
    workerData: data,
    idleMs,
    jobLimitMs,
    failure: (code, message) => (code === 'NOT_FOUND' ? new NotFoundError('period') : new Error(`program health failed: ${message}`)),
  });
  return {
    health: (periodId, now) => thread.run({ periodId, now: now.toISOString() }),
    running: () => thread.running(),
    close: () => thread.close(),
  };
}

// One worker per app (per Deps), closed with it.
const workers = perApp((deps) =>
  createHealthWorker({ connection: { databaseUrl: deps.config.databaseUrl, sqliteFile: deps.config.sqliteFile } }),
);

/**
 * The app's program-health worker; none for a database only this connection can see (SQLite in
 * memory), where the health is always worked out on the server's own thread.
 */
export function healthWorkerFor(deps: Deps): HealthWorker | undefined {
  if (deps.config.databaseUrl === undefined && deps.config.sqliteFile === ':memory:') return undefined;
  return workers.of(deps);
}
