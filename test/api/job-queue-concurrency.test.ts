import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import type { Deps } from '../../src/deps.ts';
import { createJobRunner } from '../../src/background-jobs.ts';
import type { JobResult, JobRunner } from '../../src/features/jobs/job-runner.ts';
import { setUpProgramData } from '../../src/features/accounts/setup.service.ts';
import type { Clock } from '../../src/time/clock.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { spawnJobChild } from '../setup/job-child-process.ts';
import type { JobChild } from '../setup/job-child-process.ts';
import { jobDeps } from '../setup/job-deps.ts';
import { activePeriod, manyMatches, planNow, reminderMailCounts } from '../setup/job-fixtures.ts';
import { findSettings } from '../../src/features/programs/settings.store.ts';
import { planReminders } from '../../src/features/reminders/reminder-planner.ts';

// 200 matches made at 10:00 on 3 Oct 2026 in Chicago: goal sheets due 2 Nov. Every match's
// "due in a week" reminder is due at 09:00 CDT on 26 Oct, and "due tomorrow" at 09:00 CST on 1 Nov.
const MATCHES = 200;
const MATCHED_AT = '2026-10-03T15:00:00.000Z';
const DUE_7_AT = new Date('2026-10-26T14:00:00.000Z');
const DUE_1_AT = new Date('2026-11-01T15:00:00.000Z');

type Tally = Record<JobResult, number>;
const emptyTally = (): Tally => ({ done: 0, skipped: 0, retry: 0, failed: 0, lost: 0, released: 0 });

/** Polls until the queue has nothing more for this runner; counts what happened to reminders (not the planner's own job). */
async function drain(runner: JobRunner, now?: Date): Promise<Tally> {
  const tally = emptyTally();
  for (let empty = 0; empty < 3;) {
    const report = await runner.runOnce(now);
    for (const job of report.jobs) if (job.kind.startsWith('reminder.')) tally[job.result] += 1;
    empty = report.claimed === 0 ? empty + 1 : 0;
    // A breath between polls, as a real worker's poll interval gives (see job-worker-child.ts).
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return tally;
}

describeEachDialect('reminders go out exactly once with several workers', (ctx, dialect) => {
  let deps: Deps;
  const kids: JobChild[] = [];
  const pools: DbHandle[] = [];

  beforeAll(async () => {
    deps = jobDeps(ctx().db, dialect);
    await setUpProgramData(ctx().db, new Date(MATCHED_AT), { programName: 'Concurrency Program', timeZone: 'America/Chicago' });
    // Quiet reminders after the goal-sheet ones, so each pass below has exactly one kind due.
    await ctx().db.updateTable('program_settings').set({ quiet_after_weeks: 8 }).execute();
    const periodId = await activePeriod(deps);
    await manyMatches(deps, periodId, MATCHES, MATCHED_AT);
  }, 120_000);

  it('plans 200 matches in a handful of queries, and a second pass adds nothing', async () => {
    let queries = 0;
    const counting = ctx().db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const settings = await findSettings(ctx().db);
    if (!settings) throw new Error('not set up');
    const first = await counting.transaction().execute((trx) => planReminders(trx, settings, new Date('2026-10-03T16:00:00.000Z')));
    expect(first).toMatchObject({ planned: MATCHES * 4, added: MATCHES * 4, skipped: 0, moved: 0, revived: 0 });
    // Facts, waiting reminders, key look-ups in chunks of 500, inserts in chunks of 200: not one per match.
    expect(queries).toBeLessThanOrEqual(10);
    expect(await planNow(deps, new Date('2026-10-03T16:30:00.000Z'))).toMatchObject({ planned: MATCHES * 4, added: 0 });
  });

  afterAll(async () => {
    for (const kid of kids) await kid.kill();
    for (const pool of pools) await pool.destroy();
  });

  /** A test that only means something on one dialect is declared only there (not skipped: CI allows no skips). */
  const onlyOn = (only: typeof dialect) => (name: string, body: () => Promise<void>, timeout?: number) => {
    if (dialect === only) it(name, body, timeout);
  };

  /** Every reminder of `kind` done exactly once, each person written to exactly once. */
  async function expectExactlyOnce(kind: string): Promise<{ attempts: number[] }> {
    const jobs = await ctx()
      .db.selectFrom('jobs')
      .select(['status', 'attempts', 'outbox_id'])
      .where('kind', '=', `reminder.${kind}`)
      .execute();
    expect(jobs).toHaveLength(MATCHES);
    expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
    expect(new Set(jobs.map((j) => j.outbox_id)).size).toBe(MATCHES);
    const counts = [...(await reminderMailCounts(deps)).entries()].filter(([key]) => key.startsWith(`reminder.${kind} `));
    expect(counts).toHaveLength(MATCHES * 2);
    expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
    return { attempts: jobs.map((j) => j.attempts) };
  }

  onlyOn('postgres')('two workers with their own connection pools share 200 due reminders', async () => {
    const second = createDb({ databaseUrl: ctx().databaseUrl, sqliteFile: ':memory:' });
    pools.push(second);
    const a = createJobRunner(jobDeps(ctx().db, 'postgres'), { batchSize: 5, workerId: 'worker-a' });
    const b = createJobRunner(jobDeps(second.db, 'postgres'), { batchSize: 5, workerId: 'worker-b' });
    const [ta, tb] = await Promise.all([drain(a, DUE_7_AT), drain(b, DUE_7_AT)]);
    // Both really worked the queue at the same time.
    expect(ta.done).toBeGreaterThan(0);
    expect(tb.done).toBeGreaterThan(0);
    const { attempts } = await expectExactlyOnce('goal-sheet-due-7');
    expect(new Set(attempts)).toEqual(new Set([1]));
  });

  onlyOn('postgres')('stays exactly once when every lease runs out at once and workers keep taking jobs from each other', async () => {
    const second = createDb({ databaseUrl: ctx().databaseUrl, sqliteFile: ':memory:' });
    pools.push(second);
    // A job stolen over and over must not be given up on in this test.
    await ctx().db.updateTable('jobs').set({ max_attempts: 1_000 }).where('kind', '=', 'reminder.goal-sheet-due-1').execute();
    // Time moves on by a millisecond per reading, and leases last no time at all: any job a worker
    // has claimed but not yet fenced is there for the other to take.
    let tick = 0;
    const clock: Clock = { now: () => new Date(DUE_1_AT.getTime() + tick++) };
    const a = createJobRunner({ ...jobDeps(ctx().db, 'postgres'), clock }, { batchSize: 5, leaseMs: 0, workerId: 'thief-a' });
    const b = createJobRunner({ ...jobDeps(second.db, 'postgres'), clock }, { batchSize: 5, leaseMs: 0, workerId: 'thief-b' });
    const [ta, tb] = await Promise.all([drain(a), drain(b)]);
    expect(ta.done + tb.done).toBe(MATCHES);
    // The fence turned workers away from jobs taken from them…
    expect(ta.lost + tb.lost).toBeGreaterThan(0);
    // …and no reminder went out twice.
    await expectExactlyOnce('goal-sheet-due-1');
  });

  onlyOn('sqlite')(
    'a worker in another process and one in this process share 200 due reminders on one SQLite file',
    async () => {
      const kid = spawnJobChild({
        JOB_MODE: 'drain',
        JOB_SQLITE_FILE: ctx().sqliteFile,
        JOB_NOW: DUE_7_AT.toISOString(),
        JOB_WORKER_ID: 'other-process',
        JOB_BATCH: '5',
      });
      kids.push(kid);
      await kid.waitForLine(/^ready$/);
      kid.send('go');
      const here = await drain(createJobRunner(jobDeps(ctx().db, 'sqlite'), { batchSize: 5, workerId: 'this-process' }), DUE_7_AT);
      const there = JSON.parse(await kid.waitForLine(/^\{/, 60_000)) as Tally;
      await kid.exited();
      expect(here.done + there.done).toBe(MATCHES);
      expect(here.done).toBeGreaterThan(0);
      expect(there.done).toBeGreaterThan(0);
      await expectExactlyOnce('goal-sheet-due-7');
    },
    90_000,
  );
});
