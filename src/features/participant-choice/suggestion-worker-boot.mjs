// Entry of a suggestions worker thread; see matching-runs/run-worker-boot.mjs for why it
// registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./suggestion-worker.ts');
