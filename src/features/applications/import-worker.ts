// The body of a CSV import's worker thread: a file in (workerData), progress and a result out.
// Loaded through import-worker-boot.mjs, which registers tsx first (bin/build-cli.js compiles it
// under that name for the built command). The worker has its own database connection, so on
// SQLite the server's connection keeps answering reads while this one writes (WAL), and the
// parsing and checking of 100,000 rows never holds the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../../db/create-db.ts';
import { DomainError } from '../../errors.ts';
import { IMPORT_ROWS_SHOWN, MAX_FILE_IMPORT_ROWS } from '../../shared/api/application-imports.ts';
import type { ImportResult } from '../../shared/api/applications.ts';
import { failImport, finishImport } from './application-imports.store.ts';
import { importCsv } from './applications-import.service.ts';
import type { ImportStep } from '../../shared/api/application-imports.ts';
import type { ImportJob, ImportReport } from './import-job.ts';

/** The main thread needs a few updates a second at most. */
const REPORT_EVERY_MS = 100;

const report = (message: ImportReport): void => parentPort?.postMessage(message);

const job = workerData as ImportJob;
const startedAt = performance.now();
/** The import's start (the app's clock) plus the time it took. */
const finishedAt = () => new Date(Date.parse(job.at) + Math.round(performance.now() - startedAt)).toISOString();
/** Only rows with problems are listed; the good ones are counted. */
const shownOf = (result: ImportResult): ImportResult => ({
  ...result,
  rows: result.rows.filter((r) => r.errors.length > 0).slice(0, IMPORT_ROWS_SHOWN),
});
const handle = createDb(job.connection);
let lastReport = -Infinity;
let lastStep: ImportStep | undefined;
try {
  report({ type: 'progress', step: 'reading', done: 0, total: job.file.byteLength });
  const result = await importCsv(handle.db, job, () => Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength), {
    maxRows: MAX_FILE_IMPORT_ROWS,
    // The outcome is kept here, in the write's own transaction: rows written and "done" are
    // committed together, so a crash between the two cannot leave an import that seems to have
    // written nothing. The main thread's own write of it then changes nothing.
    recordOutcome: (db, outcome) => finishImport(db, job.importId, shownOf(outcome), finishedAt()),
    onProgress: (step, done, total) => {
      const t = performance.now();
      if (step === lastStep && t - lastReport < REPORT_EVERY_MS && done < total) return;
      lastReport = t;
      lastStep = step;
      report({ type: 'progress', step, done, total });
    },
  });
  report({ type: 'done', result: shownOf(result) });
} catch (err) {
  const failure =
    err instanceof DomainError
      ? { code: err.code, message: err.message }
      : { code: 'IMPORT_FAILED', message: `The import stopped with an error: ${err instanceof Error ? err.message : String(err)}` };
  // The main thread writes it too; whichever comes first counts.
  await failImport(handle.db, job.importId, failure, finishedAt()).catch(() => undefined);
  report({ type: 'failed', ...failure });
} finally {
  await handle.destroy();
}
