// Entry of the PDF thread; see matching-runs/run-worker-boot.mjs for why it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
