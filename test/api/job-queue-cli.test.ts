import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { setUpProgramData } from '../../src/features/accounts/setup.service.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { eventually, jobDeps } from '../setup/job-deps.ts';
import { activePeriod } from '../setup/job-fixtures.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { withParentDeathSignal } from '../setup/postgres-server.ts';

// `tandem jobs`: a worker with no web server, on the program's SQLite file.
describe('tandem jobs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-jobs-'));
  let handle: DbHandle;
  let worker: ChildProcess | undefined;
  let output = '';
  let matchId = 0;

  beforeAll(async () => {
    handle = createDb({ sqliteFile: join(dataDir, 'tandem.sqlite') });
    await migrateToLatest(handle.db);
    // A match made two days ago (real time: the worker reads the system clock).
    const madeAt = new Date(Date.now() - 2 * 86_400_000);
    const deps = jobDeps(handle.db, 'sqlite', fixedClock(madeAt));
    await setUpProgramData(handle.db, madeAt, { programName: 'CLI Program', timeZone: 'Europe/Berlin' });
    matchId = (await createTestMatch(deps, { periodId: await activePeriod(deps, '2099-12-31'), matchedAt: madeAt.toISOString() })).id;
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker?.once('exit', resolve));
    }
    await handle?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plans reminders without the web server and stops cleanly on Ctrl+C', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOB_POLL_SECONDS: '0.1' };
    delete env.DATABASE_URL;
    const [file, args] = withParentDeathSignal(process.execPath, ['bin/tandem.js', 'jobs'], 'SIGKILL');
    worker = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker?.once('exit', (code) => resolve(code)));

    await eventually(async () => output.includes('is running'), 30_000, `the worker to start; it said: ${output}`);
    await eventually(
      async () => (await handle.db.selectFrom('jobs').select('kind').where('match_id', '=', matchId).execute()).length === 4,
      10_000,
      'the reminders of the match to be planned',
    );
    const kinds = (
      await handle.db.selectFrom('jobs').select(['kind', 'status']).where('match_id', '=', matchId).orderBy('run_at').execute()
    ).map((j) => [j.kind, j.status]);
    expect(kinds).toEqual([
      ['reminder.quiet', 'scheduled'],
      ['reminder.goal-sheet-due-7', 'scheduled'],
      ['reminder.goal-sheet-due-1', 'scheduled'],
      ['reminder.goal-sheet-overdue', 'scheduled'],
    ]);

    worker.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Tandem job worker stopped.');
  }, 60_000);
});
