import { Worker } from 'node:worker_threads';
import type { Deps } from '../../deps.ts';
import { perApp } from '../../per-app.ts';
import { toInstant } from '../../time/instant.ts';
import { failRun, finishRun, saveRunHeartbeat, saveRunProgress } from './matching-runs.store.ts';
import type { RunJob, WorkerReport } from './run-job.ts';

/**
 * Runs matching jobs off the request thread: each run gets a worker thread, so scoring millions
 * of pairs never stalls other requests. The main thread only writes what the worker reports.
 */
export interface RunExecutor {
  /** Starts the run in the background; its row must exist with status 'running'. */
  start(runId: number, job: RunJob): void;
  /** Resolves once the run's final status is written (at once for a run this executor is not running). */
  settled(runId: number): Promise<void>;
  /** Stops every worker, marking their runs failed; for the app's onClose. */
  close(): Promise<void>;
}

/** Progress reaches the database at most this often. */
const PROGRESS_WRITE_MS = 250;
/** Written even while the solver reports nothing, so other instances can tell this one is alive. */
const HEARTBEAT_MS = 20_000;
const WORKER_ENTRY = new URL('./run-worker-boot.mjs', import.meta.url);

const INTERRUPTED = 'Interrupted: the server stopped during the run; run it again.';

interface ActiveRun {
  done: Promise<void>;
  stop(reason: string): void;
}

export function createRunExecutor(deps: Pick<Deps, 'db' | 'clock' | 'log'>): RunExecutor {
  const active = new Map<number, ActiveRun>();
  let closed = false;
  const now = () => toInstant(deps.clock.now());

  function start(runId: number, job: RunJob): void {
    // Every database write of one run goes through this chain, so the final status is written last.
    let writes: Promise<void> = Promise.resolve();
    const enqueue = (write: () => Promise<unknown>): void => {
      writes = writes.then(write).then(
        () => undefined,
        (err: unknown) => deps.log.error({ err, runId }, 'could not save the state of a matching run'),
      );
    };
    let finished = false;
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));

    if (closed) {
      enqueue(() => failRun(deps.db, runId, INTERRUPTED, now()));
      active.set(runId, { done, stop: () => undefined });
      void writes.then(() => {
        active.delete(runId);
        resolveDone();
      });
      return;
    }

    let lastWrite = -Infinity;
    let pendingProgress: number | null = null;
    let progressTimer: NodeJS.Timeout | undefined;
    const flushProgress = (): void => {
      progressTimer = undefined;
      if (finished || pendingProgress === null) return;
      const progress = pendingProgress;
      pendingProgress = null;
      lastWrite = performance.now();
      enqueue(() => saveRunProgress(deps.db, runId, progress, now()));
    };
    const heartbeat = setInterval(() => enqueue(() => saveRunHeartbeat(deps.db, runId, now())), HEARTBEAT_MS);
    heartbeat.unref();

    const worker = new Worker(WORKER_ENTRY, { workerData: job, name: `matching-run-${runId}` });
    const finish = (write: () => Promise<unknown>): void => {
      if (finished) return;
      finished = true;
      clearInterval(heartbeat);
      clearTimeout(progressTimer);
      enqueue(write);
      // The worker has said all it will; terminating also ends tsx's loader thread inside it.
      void worker.terminate().catch(() => undefined);
      void writes.then(() => {
        active.delete(runId);
        resolveDone();
      });
    };

    worker.on('message', (report: WorkerReport) => {
      if (report.type === 'progress') {
        pendingProgress = report.fraction;
        const wait = PROGRESS_WRITE_MS - (performance.now() - lastWrite);
        if (wait <= 0) flushProgress();
        else progressTimer ??= setTimeout(flushProgress, wait);
      } else if (report.type === 'done') {
        finish(() => finishRun(deps.db, runId, report.resultJson, now()));
      } else {
        finish(() => failRun(deps.db, runId, report.message, now()));
      }
    });
    worker.on('error', (err) => {
      deps.log.error({ err, runId }, 'matching worker failed');
      finish(() => failRun(deps.db, runId, `The matcher stopped unexpectedly (${err.message}); run it again.`, now()));
    });
    worker.on('exit', (code) => {
      finish(() => failRun(deps.db, runId, `The matcher stopped before finishing (exit code ${code}); run it again.`, now()));
    });
    active.set(runId, { done, stop: (reason) => finish(() => failRun(deps.db, runId, reason, now())) });
  }

  return {
    start,
    settled: (runId) => active.get(runId)?.done ?? Promise.resolve(),
    async close() {
      closed = true;
      const running = [...active.values()];
      for (const run of running) run.stop(INTERRUPTED);
      await Promise.all(running.map((run) => run.done));
    },
  };
}

// One executor per app (per Deps): the routes start runs on it and close it with the app, and
// tests reach the same one to await a run.
const executors = perApp(createRunExecutor);

export const runExecutorFor = (deps: Deps): RunExecutor => executors.of(deps);

/** Resolves when the run has its final status in the database (tests and scripts). */
export function waitForRun(deps: Deps, runId: number): Promise<void> {
  return executors.existing(deps)?.settled(runId) ?? Promise.resolve();
}
