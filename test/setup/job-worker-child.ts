// A job worker in a process of its own, for tests that need a second process on the same database:
//   JOB_MODE=drain  prints "ready", waits for "go" on stdin, runs polls until the queue is empty,
//                   then prints a JSON report and exits.
//   JOB_MODE=hang   runs one poll whose reminder handler records its e-mails and then never
//                   returns: it prints "claimed <job id>" from inside the open transaction and
//                   waits there to be killed.
// Database: JOB_DATABASE_URL (PostgreSQL) or JOB_SQLITE_FILE. Time: JOB_NOW (an ISO instant).
import { createInterface } from 'node:readline';
import { createDb } from '../../src/db/create-db.ts';
import { createJobRunner } from '../../src/background-jobs.ts';
import type { JobHandler, JobHandlers } from '../../src/features/jobs/job-handler.ts';
import { JobRunner } from '../../src/features/jobs/job-runner.ts';
import type { JobResult } from '../../src/features/jobs/job-runner.ts';
import { reminderJobHandlers } from '../../src/features/reminders/reminder-jobs.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { jobDeps } from './job-deps.ts';

const env = process.env;
const handle = createDb({ databaseUrl: env.JOB_DATABASE_URL, sqliteFile: env.JOB_SQLITE_FILE ?? ':memory:' });
const now = new Date(env.JOB_NOW ?? '');
if (Number.isNaN(now.getTime())) throw new Error('JOB_NOW must be an ISO instant');
const deps = jobDeps(handle.db, handle.dialect, fixedClock(now));

if (env.JOB_MODE === 'hang') {
  // Keeps the process alive while it waits to be killed.
  setInterval(() => undefined, 60_000);
  const hanging =
    (handler: JobHandler): JobHandler =>
    async (ctx) => {
      await handler(ctx);
      process.stdout.write(`claimed ${ctx.job.id}\n`);
      return new Promise(() => undefined);
    };
  const handlers: JobHandlers = Object.fromEntries(Object.entries(reminderJobHandlers).map(([kind, h]) => [kind, hanging(h)]));
  await new JobRunner(deps, { handlers, batchSize: 1, workerId: env.JOB_WORKER_ID ?? 'doomed-worker' }).runOnce(now);
} else {
  const runner = createJobRunner(deps, { batchSize: Number(env.JOB_BATCH ?? 5), workerId: env.JOB_WORKER_ID ?? 'child-worker' });
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  lines.close();
  const results: Record<JobResult, number> = { done: 0, skipped: 0, retry: 0, failed: 0, lost: 0, released: 0 };
  for (let empty = 0; empty < 3;) {
    const report = await runner.runOnce(now);
    for (const job of report.jobs) if (job.kind.startsWith('reminder.')) results[job.result] += 1;
    empty = report.claimed === 0 ? empty + 1 : 0;
    // A breath between polls, as a real worker's poll interval gives: back-to-back polls kept
    // SQLite's write lock so busy that the other process's worker, backing off, got no job at all.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
  await handle.destroy();
}
