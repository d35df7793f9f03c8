import { Worker } from 'node:worker_threads';
import type { Deps } from '../../deps.ts';
import { perApp } from '../../per-app.ts';
import { toInstant } from '../../time/instant.ts';
import { failImport, finishImport, saveImportHeartbeat } from './application-imports.store.ts';
import type { ImportJob, ImportReport } from './import-job.ts';

/**
 * Runs background CSV imports, a worker thread each (see import-worker.ts). Progress stays in
 * this instance's memory, a few updates a second: writing it to the database would, on SQLite,
 * wait for the worker's own write transaction. The final state is written once.
 */
export interface ImportExecutor {
  /**
   * Takes one of `max` places for an import about to start, at once (before the caller awaits
   * anything, so two requests arriving together cannot both take the last one); undefined when
   * every place is taken. The caller then starts the import in it, or releases it.
   */
  reserve(max: number): ImportPlace | undefined;
  /** How many imports run here now, or are about to. */
  running(): number;
  /** The latest progress of an import running here, if it is. */
  progress(importId: number): Extract<ImportReport, { type: 'progress' }> | undefined;
  /** Resolves once the import's final state is written (at once for one not running here). */
  settled(importId: number): Promise<void>;
  /** Stops every worker, marking their imports failed; for the app's onClose. */
  close(): Promise<void>;
}

export interface ImportPlace {
  /** Starts the import; its row must exist with status 'running'. */
  start(importId: number, job: ImportJob): void;
  /** Gives the place back without starting anything (the import's row could not be written). */
  release(): void;
}

const WORKER_ENTRY = new URL('./import-worker-boot.mjs', import.meta.url);
/**
 * How often this instance says its imports are alive (application-imports.service.ts). Not while
 * an import writes rows: on SQLite the heartbeat would wait for the worker's transaction, holding
 * this thread.
 */
const HEARTBEAT_MS = 10_000;
/** Why an import whose server stopped (or went silent) is over. */
export const INTERRUPTED = {
  code: 'INTERRUPTED',
  message: 'The server stopped during the import, so nothing was imported. Send the file again.',
};

interface Active {
  progress: Extract<ImportReport, { type: 'progress' }> | undefined;
  done: Promise<void>;
  stop(): void;
}

export function createImportExecutor(deps: Pick<Deps, 'db' | 'clock' | 'log'>): ImportExecutor {
  const active = new Map<number, Active>();
  let reserved = 0;
  let closed = false;
  const now = () => toInstant(deps.clock.now());
  let heartbeat: NodeJS.Timeout | undefined;
  const beat = (): void => {
    const alive = [...active].filter(([, a]) => a.progress?.step !== 'writing').map(([id]) => id);
    void saveImportHeartbeat(deps.db, alive, now()).catch((err: unknown) =>
      deps.log.error({ err }, 'could not save the heartbeat of CSV imports'),
    );
  };

  function start(importId: number, job: ImportJob): void {
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    let finished = false;
    const entry: Active = { progress: undefined, done, stop: () => undefined };
    active.set(importId, entry);
    const finish = (write: () => Promise<unknown>, worker?: Worker): void => {
      if (finished) return;
      finished = true;
      // The worker has said all it will; terminating also ends tsx's loader thread inside it.
      void worker?.terminate().catch(() => undefined);
      void write()
        .catch((err: unknown) => deps.log.error({ err, importId }, 'could not save the end of a CSV import'))
        .finally(() => {
          active.delete(importId);
          if (active.size === 0) {
            clearInterval(heartbeat);
            heartbeat = undefined;
          }
          resolveDone();
        });
    };
    if (closed) {
      finish(() => failImport(deps.db, importId, INTERRUPTED, now()));
      return;
    }
    if (heartbeat === undefined) {
      heartbeat = setInterval(beat, HEARTBEAT_MS);
      heartbeat.unref();
    }
    const worker = new Worker(WORKER_ENTRY, {
      workerData: job,
      transferList: [job.file.buffer as ArrayBuffer],
      name: `csv-import-${importId}`,
    });
    entry.stop = () => finish(() => failImport(deps.db, importId, INTERRUPTED, now()), worker);
    worker.on('message', (report: ImportReport) => {
      if (report.type === 'progress') entry.progress = report;
      else if (report.type === 'done') finish(() => finishImport(deps.db, importId, report.result, now()), worker);
      else finish(() => failImport(deps.db, importId, { code: report.code, message: report.message }, now()), worker);
    });
    worker.on('error', (err) => {
      deps.log.error({ err, importId }, 'CSV import worker failed');
      finish(
        () => failImport(deps.db, importId, { code: 'IMPORT_FAILED', message: `The import stopped unexpectedly (${err.message}).` }, now()),
        worker,
      );
    });
    worker.on('exit', (code) => {
      finish(() =>
        failImport(
          deps.db,
          importId,
          { code: 'IMPORT_FAILED', message: `The import stopped before finishing (exit code ${code}).` },
          now(),
        ),
      );
    });
  }

  return {
    reserve(max) {
      if (active.size + reserved >= max) return undefined;
      reserved += 1;
      let held = true;
      const giveBack = () => {
        if (held) reserved -= 1;
        held = false;
      };
      return {
        start(importId, job) {
          giveBack();
          start(importId, job);
        },
        release: giveBack,
      };
    },
    running: () => active.size + reserved,
    progress: (importId) => active.get(importId)?.progress,
    settled: (importId) => active.get(importId)?.done ?? Promise.resolve(),
    async close() {
      closed = true;
      const running = [...active.values()];
      for (const run of running) run.stop();
      await Promise.all(running.map((run) => run.done));
    },
  };
}

// One executor per app (per Deps), as for matching runs: the routes start imports on it and close
// it with the app, and tests reach the same one to await an import.
const executors = perApp(createImportExecutor);

export const importExecutorFor = (deps: Deps): ImportExecutor => executors.of(deps);

/** Resolves when the import has its final state in the database (tests and scripts). */
export function waitForImport(deps: Deps, importId: number): Promise<void> {
  return executors.existing(deps)?.settled(importId) ?? Promise.resolve();
}
