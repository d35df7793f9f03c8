// The body of a matching worker thread: one job in (workerData), progress and a result out.
// Loaded through run-worker-boot.mjs, which registers tsx first.
import { parentPort, workerData } from 'node:worker_threads';
import { MatchingInputError } from '../../matching/index.ts';
import type { RunJob, WorkerReport } from './run-job.ts';
import { runMatching } from './run-matching.ts';

/** The engine reports often; the main thread needs a few updates a second at most. */
const REPORT_EVERY_MS = 50;

function report(message: WorkerReport): void {
  parentPort?.postMessage(message);
}

let lastReport = -Infinity;
try {
  const result = runMatching(workerData as RunJob, (fraction) => {
    const t = performance.now();
    if (t - lastReport < REPORT_EVERY_MS && fraction < 1) return;
    lastReport = t;
    report({ type: 'progress', fraction });
  });
  // Serialised here, not on the main thread: a big proposal is megabytes of JSON.
  report({ type: 'done', resultJson: JSON.stringify(result) });
} catch (err) {
  const message =
    err instanceof MatchingInputError
      ? `The matcher could not use this input: ${err.message}`
      : `The matcher stopped with an error: ${err instanceof Error ? err.message : String(err)}`;
  report({ type: 'failed', message });
}
