// The body of the program-health worker thread: periods in (messages), their health out. Loaded
// through health-worker-boot.mjs, which registers tsx first (bin/build-cli.js compiles it under that
// name for the built command). It keeps its connection, and its compiled code, between periods;
// the connection only reads: on SQLite, WAL lets it read while the server's own goes on reading
// and writing.
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../../db/create-db.ts';
import { DomainError } from '../../errors.ts';
import { fixedClock } from '../../time/clock.ts';
import type { HealthJob, HealthReport, HealthWorkerData } from './health-job.ts';
import { computeProgramHealth } from './program-health.service.ts';

const report = (message: HealthReport): void => parentPort?.postMessage(message);

const { db } = createDb((workerData as HealthWorkerData).connection);

parentPort?.on('message', (job: HealthJob) => {
  computeProgramHealth({ db, clock: fixedClock(job.now) }, job.periodId).then(
    (health) => report({ id: job.id, type: 'done', health }),
    (err: unknown) =>
      report(
        err instanceof DomainError
          ? { id: job.id, type: 'failed', code: err.code, message: err.message }
          : { id: job.id, type: 'failed', code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
      ),
  );
});
