import { parentPort } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';
import { reportOf } from './kept-thread.ts';
import type { KeptJob, KeptReport } from './kept-thread.ts';

/**
 * The body of a kept thread (kept-thread.ts): answers each job posted to it with `work`'s result,
 * or with why it failed. Jobs run as they come; `transfer` lists what of a result moves to the
 * server's thread instead of being copied (a PDF's bytes).
 */
export function serveKeptJobs<J, R>(work: (job: J) => Promise<R>, transfer: (result: R) => TransferListItem[] = () => []): void {
  parentPort?.on('message', ({ id, job }: KeptJob<J>) => {
    work(job).then(
      (result) => {
        const done: KeptReport<R> = { id, type: 'done', result };
        parentPort?.postMessage(done, transfer(result));
      },
      (err: unknown) => parentPort?.postMessage(reportOf(id, err)),
    );
  });
}
