import { Worker } from 'node:worker_threads';
import { computeSuggestions } from './compute-suggestions.ts';
import type { StoredSuggestions, SuggestionJob } from './suggestion-job.ts';

/**
 * Where a period's suggestions are computed. A small pool is a few milliseconds of work and runs
 * inline; anything larger runs in a worker thread, as matching runs do, so scoring never stalls
 * other requests. One computation per pool at a time: requests that arrive meanwhile share it.
 */
export const INLINE_MAX_PAIRS = 5_000;
const WORKER_ENTRY = new URL('./suggestion-worker-boot.mjs', import.meta.url);

const inFlight = new Map<string, Promise<StoredSuggestions>>();

export function computeInWorker(job: SuggestionJob): Promise<StoredSuggestions> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: job, name: 'suggestions' });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate().catch(() => undefined);
    };
    worker.on('message', (m: { type: 'done'; resultJson: string } | { type: 'failed'; message: string }) =>
      settle(() => (m.type === 'done' ? resolve(JSON.parse(m.resultJson) as StoredSuggestions) : reject(new Error(m.message)))),
    );
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the suggestions worker stopped (exit code ${code})`))));
  });
}

export function computeOnce(fingerprint: string, job: SuggestionJob, inlineMaxPairs = INLINE_MAX_PAIRS): Promise<StoredSuggestions> {
  const running = inFlight.get(fingerprint);
  if (running) return running;
  const work =
    job.mentees.length * job.mentors.length <= inlineMaxPairs
      ? Promise.resolve().then(() => computeSuggestions(job))
      : computeInWorker(job);
  const shared = work.finally(() => inFlight.delete(fingerprint));
  inFlight.set(fingerprint, shared);
  return shared;
}
