// The body of a suggestions worker thread: one job in (workerData), the result out.
// Loaded through suggestion-worker-boot.mjs, which registers tsx first.
import { parentPort, workerData } from 'node:worker_threads';
import { computeSuggestions } from './compute-suggestions.ts';
import type { SuggestionJob } from './suggestion-job.ts';

try {
  // Serialised here, not on the main thread: a big period's suggestions are megabytes of JSON.
  parentPort?.postMessage({ type: 'done', resultJson: JSON.stringify(computeSuggestions(workerData as SuggestionJob)) });
} catch (err) {
  parentPort?.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
