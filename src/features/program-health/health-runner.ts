import { Worker } from 'node:worker_threads';
import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { perApp } from '../../per-app.ts';
import type { ProgramHealth } from '../../shared/api/program-health.ts';
import type { HealthJob, HealthReport, HealthWorkerData } from './health-job.ts';

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
  // Started lazily and kept: starting a thread and loading the app's code into it costs about half
  // a second, and its compiled code and statements get faster with use.
  let worker: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, { worker: Worker; limit: NodeJS.Timeout; resolve(h: ProgramHealth): void; reject(e: Error): void }>();

  /** What one thread was asked fails (a thread that stopped late must not fail its successor's work). */
  const failAll = (w: Worker | undefined, err: Error): void => {
    for (const [id, p] of pending) {
      if (w !== undefined && p.worker !== w) continue;
      pending.delete(id);
      clearTimeout(p.limit);
      p.reject(err);
    }
  };
  const stop = (w: Worker): void => {
    if (worker === w) worker = undefined;
    void w.terminate().catch(() => undefined);
  };
  const start = (): Worker => {
    const w = new Worker(WORKER_ENTRY, { workerData: data, name: 'program-health' });
    // Never what keeps the process alive: a server has its listener, a command its own work.
    w.unref();
    w.on('message', (m: HealthReport) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.limit);
      if (m.type === 'done') p.resolve(m.health);
      else p.reject(m.code === 'NOT_FOUND' ? new NotFoundError('period') : new Error(`program health failed: ${m.message}`));
      if (pending.size === 0) restartIdleTimer(w);
    });
    // The thread is gone (an error thrown outside a computation, or it ran out of memory): what it
    // was asked fails, and the next request starts a new one.
    w.on('error', (err) => {
      stop(w);
      failAll(w, err);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(w, new Error(`the program-health worker stopped (exit code ${code})`));
    });
    return w;
  };
  const restartIdleTimer = (w: Worker): void => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (pending.size === 0) stop(w);
    }, idleMs);
    idle.unref();
  };

  return {
    health(periodId, now) {
      // Closed with its app: a late request must not start a thread nobody would stop.
      if (closed) return Promise.reject(new Error('the server is stopping'));
      clearTimeout(idle);
      const w = (worker ??= start());
      const id = nextId++;
      const job: HealthJob = { id, periodId, now: now.toISOString() };
      return new Promise((resolve, reject) => {
        // The thread does one thing at a time: if this job is stuck, so is everything queued behind it.
        const limit = setTimeout(() => {
          stop(w);
          failAll(w, new Error(`program health took longer than ${jobLimitMs / 1000} s: the worker was stopped`));
        }, jobLimitMs);
        limit.unref();
        pending.set(id, { worker: w, limit, resolve, reject });
        w.postMessage(job);
      });
    },
    running: () => worker !== undefined,
    async close() {
      closed = true;
      clearTimeout(idle);
      const w = worker;
      worker = undefined;
      failAll(undefined, new Error('the server is stopping'));
      await w?.terminate();
    },
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
