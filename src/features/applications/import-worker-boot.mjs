// Entry of a CSV import's worker thread. Node 20 does not apply `--import tsx` (or the parent's
// loader) to a worker's entry module (privatenumber/tsx#354), so the worker registers tsx itself,
// resolved from this file rather than the working directory, then loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
