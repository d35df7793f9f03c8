import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors.ts';

/**
 * A worker thread kept for work that would hold the server's event loop (a large period's health,
 * a PDF): started on first use, it does one job at a time in the order asked, and stops after a
 * while without any. Starting a thread and loading the app's code into it costs about half a
 * second, and its compiled code gets faster with use, so it is kept rather than started per job.
 *
 * Both sides speak in `KeptJob`s and `KeptReport`s; the thread's body answers them with
 * serveKeptJobs (kept-thread-body.ts).
 */

/** A job as posted to the thread: the caller's, numbered. */
export type KeptJob<J> = { id: number; job: J };

/** What the thread answers about one job. */
export type KeptReport<R> = { id: number } & ({ type: 'done'; result: R } | { type: 'failed'; code: string; message: string });

export interface KeptThread<J, R> {
  run(job: J): Promise<R>;
  /** Whether its thread is running now (it starts on first use and stops when idle). */
  running(): boolean;
  /** Fails what is pending, stops the thread and refuses any later job. */
  close(): Promise<void>;
}

export interface KeptThreadOptions {
  /** The thread's entry (a boot .mjs that loads the body; see health-worker-boot.mjs). */
  entry: URL;
  /** The thread's name, in errors and in debuggers. */
  name: string;
  workerData?: unknown;
  /** A thread nobody has asked anything for this long stops, giving back its memory (and connection). */
  idleMs: number;
  /**
   * Longest one job may take. The thread does one thing at a time, so a stuck job holds everything
   * queued behind it: past this, the thread is stopped, what it was asked fails, and the next job
   * starts a fresh one.
   */
  jobLimitMs: number;
  /** The error a failed report becomes (a domain error the thread threw, by its code); by default an Error with its message. */
  failure?: (code: string, message: string) => Error;
}

export function createKeptThread<J, R>(options: KeptThreadOptions): KeptThread<J, R> {
  const { entry, name, idleMs, jobLimitMs } = options;
  const failure = options.failure ?? ((_code: string, message: string) => new Error(`${name} failed: ${message}`));
  let worker: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, { worker: Worker; limit: NodeJS.Timeout; resolve(r: R): void; reject(e: Error): void }>();

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
  const restartIdleTimer = (w: Worker): void => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (pending.size === 0) stop(w);
    }, idleMs);
    idle.unref();
  };
  const start = (): Worker => {
    const w = new Worker(entry, { workerData: options.workerData, name });
    // Never what keeps the process alive: a server has its listener, a command its own work.
    w.unref();
    w.on('message', (m: KeptReport<R>) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.limit);
      if (m.type === 'done') p.resolve(m.result);
      else p.reject(failure(m.code, m.message));
      if (pending.size === 0) restartIdleTimer(w);
    });
    // The thread is gone (an error thrown outside a job, or it ran out of memory): what it was
    // asked fails, and the next job starts a new one.
    w.on('error', (err) => {
      stop(w);
      failAll(w, err);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(w, new Error(`the ${name} thread stopped (exit code ${code})`));
    });
    return w;
  };

  return {
    run(job) {
      // Closed with its app: a late job must not start a thread nobody would stop.
      if (closed) return Promise.reject(new Error('the server is stopping'));
      clearTimeout(idle);
      const w = (worker ??= start());
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        const limit = setTimeout(() => {
          stop(w);
          failAll(w, new Error(`${name} took longer than ${jobLimitMs / 1000} s: the thread was stopped`));
        }, jobLimitMs);
        limit.unref();
        pending.set(id, { worker: w, limit, resolve, reject });
        const message: KeptJob<J> = { id, job };
        w.postMessage(message);
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

/** A failed report's error as the server's own: a domain error keeps its code (serveKeptJobs sends it). */
export function reportOf(id: number, err: unknown): KeptReport<never> {
  return err instanceof DomainError
    ? { id, type: 'failed', code: err.code, message: err.message }
    : { id, type: 'failed', code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
