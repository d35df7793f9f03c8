import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { createJobRunner } from '../../src/background-jobs.ts';
import { findJobByKey } from '../../src/features/jobs/jobs.store.ts';
import { setUpProgramData } from '../../src/features/accounts/setup.service.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { dialectSkipReason, freshTestDb } from '../setup/dialects.ts';
import type { DisposableTestDb } from '../setup/dialects.ts';
import { spawnJobChild } from '../setup/job-child-process.ts';
import type { JobChild } from '../setup/job-child-process.ts';
import { eventually, jobDeps } from '../setup/job-deps.ts';
import type { TestClock } from '../setup/job-deps.ts';
import { activePeriod, planNow } from '../setup/job-fixtures.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';

// Goal sheet due 2 Nov 2026 (Chicago); its "due in a week" reminder is due at 14:00 UTC on 26 Oct.
const MATCHED_AT = '2026-10-03T15:00:00.000Z';
const DUE_7_AT = new Date('2026-10-26T14:00:00.000Z');
const LEASE_MS = 5 * 60_000;

const skip = dialectSkipReason('postgres');

describe.skipIf(skip !== null)(`a worker killed in the middle of a reminder [postgres]${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  let testDb: DisposableTestDb;
  let deps: Deps & { clock: TestClock };
  let doomed: JobChild | undefined;

  beforeAll(async () => {
    testDb = await freshTestDb('postgres');
    deps = jobDeps(testDb.db, 'postgres', fixedClock(MATCHED_AT));
    await setUpProgramData(testDb.db, new Date(MATCHED_AT), { programName: 'Crash Program', timeZone: 'America/Chicago' });
    // The quiet reminder after the goal-sheet ones: the only job due at DUE_7_AT is the one under test.
    await testDb.db.updateTable('program_settings').set({ quiet_after_weeks: 8 }).execute();
    const periodId = await activePeriod(deps);
    await createTestMatch(deps, { periodId, matchedAt: MATCHED_AT, names: ['Marta Mentor', 'Milo Mentee'] });
    await planNow(deps, new Date('2026-10-03T16:00:00.000Z'));
  });

  afterAll(async () => {
    // Whatever happened in the test, the child is gone before its database is dropped.
    await doomed?.kill();
    await testDb?.dispose();
  });

  it('loses nothing and sends nothing twice: the next worker takes the job over once the lease runs out', async () => {
    const key = 'goal-sheet-due-7:m1:2026-11-02';
    expect(await findJobByKey(testDb.db, key)).toMatchObject({ status: 'scheduled', runAt: DUE_7_AT.toISOString() });

    // Another process claims the reminder, records its two e-mails in its open transaction, and is killed there.
    doomed = spawnJobChild({
      JOB_MODE: 'hang',
      JOB_DATABASE_URL: testDb.databaseUrl ?? '',
      JOB_NOW: DUE_7_AT.toISOString(),
      JOB_WORKER_ID: 'doomed',
    });
    await doomed.waitForLine(/^claimed \d+$/);
    expect(await findJobByKey(testDb.db, key)).toMatchObject({ status: 'running', lockedBy: 'doomed', attempts: 1 });
    await doomed.kill();
    // Its uncommitted e-mails went with it.
    expect(await testDb.db.selectFrom('outbox').select('id').execute()).toEqual([]);

    const runner = createJobRunner(deps, { workerId: 'survivor' });
    // Still inside the dead worker's lease: nobody may take the job yet.
    expect((await runner.runOnce(new Date(DUE_7_AT.getTime() + LEASE_MS - 1_000))).jobs.filter((j) => j.dedupeKey === key)).toEqual([]);

    // After the lease (PostgreSQL may need a moment to notice the dropped connection and free the row).
    const later = new Date(DUE_7_AT.getTime() + LEASE_MS + 60_000);
    await eventually(
      async () => (await runner.runOnce(later)).jobs.some((j) => j.dedupeKey === key),
      15_000,
      'the survivor to take the job over',
    );

    expect(await findJobByKey(testDb.db, key)).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
    const mail = await testDb.db.selectFrom('outbox').select(['to_name', 'kind', 'subject']).orderBy('id').execute();
    expect(mail).toEqual([
      { to_name: 'Milo Mentee', kind: 'reminder.goal-sheet-due-7', subject: 'Your goal sheet is due on November 2' },
      { to_name: 'Marta Mentor', kind: 'reminder.goal-sheet-due-7', subject: 'Your goal sheet is due on November 2' },
    ]);
    // And it stays that way.
    await runner.runOnce(new Date(later.getTime() + 3_600_000));
    expect(await testDb.db.selectFrom('outbox').select('id').execute()).toHaveLength(2);
  });
});
