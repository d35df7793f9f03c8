// The body of the program-health worker thread: periods in, their health out (a kept thread,
// src/workers/kept-thread.ts). Loaded through health-worker-boot.mjs, which registers tsx first
// (bin/build-cli.js compiles it under that name for the built command). It keeps its connection,
// and its compiled code, between periods; the connection only reads: on SQLite, WAL lets it read
// while the server's own goes on reading and writing.
import { workerData } from 'node:worker_threads';
import { createDb } from '../../db/create-db.ts';
import { fixedClock } from '../../time/clock.ts';
import { serveKeptJobs } from '../../workers/kept-thread-body.ts';
import type { HealthJob, HealthWorkerData } from './health-job.ts';
import { computeProgramHealth } from './program-health.service.ts';

const { db } = createDb((workerData as HealthWorkerData).connection);

serveKeptJobs((job: HealthJob) => computeProgramHealth({ db, clock: fixedClock(job.now) }, job.periodId));
