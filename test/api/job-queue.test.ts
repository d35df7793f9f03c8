import { beforeEach, expect, it } from 'vitest';
import type { JobContext, JobHandler, JobHandlers, JobOutcome } from '../../src/features/jobs/job-handler.ts';
import { JobRunner } from '../../src/features/jobs/job-runner.ts';
import {
  cancelScheduledJob,
  claimJobs,
  enqueue,
  fenceJob,
  findJob,
  findJobByKey,
  finishJob,
  releaseFailedJob,
} from '../../src/features/jobs/jobs.store.ts';
import { recordMail } from '../../src/features/notifications/mail.service.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { deferred, eventually, jobDeps } from '../setup/job-deps.ts';

const T0 = new Date('2026-11-29T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const MIN = 60_000;

describeEachDialect('job queue', (ctx) => {
  const deps = () => jobDeps(ctx().db, ctx().dialect);
  const statusOf = async (key: string) => (await findJobByKey(ctx().db, key))?.status;

  beforeEach(async () => {
    await ctx().db.deleteFrom('jobs').execute();
    await ctx().db.deleteFrom('outbox').execute();
  });

  /** A handler that records one e-mail per job, so "done once" is countable in the outbox. */
  const mailing: JobHandler = async ({ job, now, trx }) => {
    const id = await recordMail(trx, now, {
      to: { address: 'ada@example.org', name: 'Ada' },
      subject: `Job ${job.dedupeKey}`,
      text: 'Hello.',
      kind: 'test.mail',
    });
    return { status: 'done', outboxIds: [id] };
  };

  it('adds a job once per dedupe key, whatever state the first one is in', async () => {
    const { db } = ctx();
    expect(await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'k1', runAt: T0, payload: { a: 1 } })).toBe(true);
    expect(await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'k1', runAt: at(5), payload: { a: 2 } })).toBe(false);
    const job = await findJobByKey(db, 'k1');
    expect(job).toMatchObject({
      status: 'scheduled',
      runAt: T0.toISOString(),
      attempts: 0,
      maxAttempts: 5,
      payload: { a: 1 },
      lockedBy: null,
    });
    await new JobRunner(deps(), { handlers: { 'test.mail': mailing } }).runOnce(T0);
    expect(await statusOf('k1')).toBe('done');
    expect(await enqueue(db, at(1), { kind: 'test.mail', dedupeKey: 'k1', runAt: at(1) })).toBe(false);
    expect(await db.selectFrom('jobs').select('id').execute()).toHaveLength(1);
  });

  it('claims due jobs oldest first, up to the limit, and never a job another worker holds', async () => {
    const { db, dialect } = ctx();
    await enqueue(db, T0, { kind: 'k', dedupeKey: 'c', runAt: at(-1) });
    await enqueue(db, T0, { kind: 'k', dedupeKey: 'a', runAt: at(-3) });
    await enqueue(db, T0, { kind: 'k', dedupeKey: 'b1', runAt: at(-2) });
    await enqueue(db, T0, { kind: 'k', dedupeKey: 'b2', runAt: at(-2) });
    await enqueue(db, T0, { kind: 'k', dedupeKey: 'later', runAt: at(1) });

    const first = await claimJobs(db, { dialect, workerId: 'w1', now: T0, leaseMs: 5 * MIN, limit: 3 });
    expect(first.map((j) => j.dedupeKey)).toEqual(['a', 'b1', 'b2']);
    expect(first[0]).toMatchObject({ status: 'running', lockedBy: 'w1', lockedUntil: at(5).toISOString(), attempts: 1 });
    const second = await claimJobs(db, { dialect, workerId: 'w2', now: T0, leaseMs: 5 * MIN, limit: 10 });
    expect(second.map((j) => j.dedupeKey)).toEqual(['c']);
    expect(await claimJobs(db, { dialect, workerId: 'w3', now: at(0.5), leaseMs: 5 * MIN, limit: 10 })).toEqual([]);
    // Once its time comes the later job is claimable; the others' leases still hold.
    expect((await claimJobs(db, { dialect, workerId: 'w3', now: at(4), leaseMs: 5 * MIN, limit: 10 })).map((j) => j.dedupeKey)).toEqual([
      'later',
    ]);
  });

  it('runs a job in one transaction with its e-mail, and records which e-mail it wrote', async () => {
    const { db } = ctx();
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'send-once', runAt: T0 });
    const report = await new JobRunner(deps(), { handlers: { 'test.mail': mailing } }).runOnce(T0);
    expect(report).toMatchObject({ claimed: 1, jobs: [{ dedupeKey: 'send-once', result: 'done' }] });
    const job = await findJobByKey(db, 'send-once');
    const mail = await db.selectFrom('outbox').select(['id', 'subject']).execute();
    expect(mail).toEqual([{ id: job?.outboxId, subject: 'Job send-once' }]);
    expect(job).toMatchObject({
      status: 'done',
      attempts: 1,
      lockedBy: null,
      lockedUntil: null,
      finishedAt: T0.toISOString(),
      lastError: null,
    });
    // Done is done: nothing more to claim.
    expect((await new JobRunner(deps(), { handlers: { 'test.mail': mailing } }).runOnce(at(60))).claimed).toBe(0);
  });

  it('backs off after a failure, keeps nothing the failed attempt wrote, and fails after the last attempt', async () => {
    const { db } = ctx();
    await enqueue(db, T0, { kind: 'test.flaky', dedupeKey: 'flaky', runAt: T0, maxAttempts: 3 });
    const flaky: JobHandler = async ({ now, trx }) => {
      await recordMail(trx, now, { to: { address: 'ada@example.org', name: 'Ada' }, subject: 'Never sent', text: '…', kind: 'test.mail' });
      throw new Error('SMTP said no: smtp://mailer:hunter2@mail.example.org\nstack…');
    };
    const runner = new JobRunner(deps(), { handlers: { 'test.flaky': flaky } });

    expect((await runner.runOnce(T0)).jobs[0]?.result).toBe('retry');
    expect(await findJobByKey(db, 'flaky')).toMatchObject({
      status: 'scheduled',
      attempts: 1,
      runAt: at(1).toISOString(),
      lastError: 'SMTP said no: smtp://***@mail.example.org',
      lockedBy: null,
    });
    expect((await runner.runOnce(at(0.5))).claimed).toBe(0);
    expect((await runner.runOnce(at(1))).jobs[0]?.result).toBe('retry');
    expect(await findJobByKey(db, 'flaky')).toMatchObject({ status: 'scheduled', attempts: 2, runAt: at(6).toISOString() });
    expect((await runner.runOnce(at(6))).jobs[0]?.result).toBe('failed');
    expect(await findJobByKey(db, 'flaky')).toMatchObject({ status: 'failed', attempts: 3, finishedAt: at(6).toISOString() });
    expect((await runner.runOnce(at(600))).claimed).toBe(0);
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('takes back a job whose worker died once its lease runs out, and the late worker can no longer touch it', async () => {
    const { db, dialect } = ctx();
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'orphan', runAt: T0 });
    const [claimed] = await claimJobs(db, { dialect, workerId: 'dead-worker', now: T0, leaseMs: 5 * MIN, limit: 1 });
    expect(claimed?.lockedBy).toBe('dead-worker');

    const rescuer = new JobRunner(deps(), { handlers: { 'test.mail': mailing }, workerId: 'rescuer' });
    expect((await rescuer.runOnce(at(4))).claimed).toBe(0);
    expect((await rescuer.runOnce(at(6))).jobs).toEqual([expect.objectContaining({ dedupeKey: 'orphan', result: 'done' })]);
    expect(await findJobByKey(db, 'orphan')).toMatchObject({ status: 'done', attempts: 2 });

    // The first worker wakes up: every write it tries is fenced off.
    const id = claimed?.id ?? 0;
    expect(await fenceJob(db, id, 'dead-worker', at(7), 5 * MIN)).toBe(false);
    expect(await finishJob(db, id, 'dead-worker', { status: 'done', outboxId: null, note: null, now: at(7) })).toBe(false);
    expect(await releaseFailedJob(db, id, 'dead-worker', { runAt: at(8), error: 'late', now: at(7) })).toBe(false);
    expect(await findJob(db, id)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(1);
  });

  it('fences a worker whose job was taken over between its claim and its run', async () => {
    const { db, dialect } = ctx();
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'stolen', runAt: T0 });
    const [mine] = await claimJobs(db, { dialect, workerId: 'slow', now: T0, leaseMs: MIN, limit: 1 });
    await claimJobs(db, { dialect, workerId: 'fast', now: at(2), leaseMs: MIN, limit: 1 });
    // "slow" now opens its transaction: the fence fails, so nothing it would do is kept.
    const ran = await db.transaction().execute(async (trx) => fenceJob(trx, mine?.id ?? 0, 'slow', at(2), MIN));
    expect(ran).toBe(false);
    expect(await findJobByKey(db, 'stolen')).toMatchObject({ status: 'running', lockedBy: 'fast', attempts: 2 });
  });

  it('fails a job of an unknown kind with a clear message, and carries on with the next', async () => {
    const { db } = ctx();
    await enqueue(db, T0, { kind: 'no.such.kind', dedupeKey: 'mystery', runAt: at(-1) });
    await enqueue(db, T0, { kind: 'toString', dedupeKey: 'prototype', runAt: at(-1) });
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'known', runAt: T0 });
    const report = await new JobRunner(deps(), { handlers: { 'test.mail': mailing } }).runOnce(T0);
    expect(report.jobs.map((j) => [j.dedupeKey, j.result])).toEqual([
      ['mystery', 'failed'],
      ['prototype', 'failed'],
      ['known', 'done'],
    ]);
    expect(await findJobByKey(db, 'mystery')).toMatchObject({
      status: 'failed',
      lastError: 'No handler for jobs of kind "no.such.kind" in this version of Tandem.',
    });
  });

  it('gives up on a job whose worker keeps dying on it', async () => {
    const { db, dialect } = ctx();
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'poison', runAt: T0, maxAttempts: 2 });
    await claimJobs(db, { dialect, workerId: 'died-1', now: T0, leaseMs: MIN, limit: 1 });
    await claimJobs(db, { dialect, workerId: 'died-2', now: at(2), leaseMs: MIN, limit: 1 });
    const report = await new JobRunner(deps(), { handlers: { 'test.mail': mailing } }).runOnce(at(4));
    expect(report.jobs[0]?.result).toBe('failed');
    expect(await findJobByKey(db, 'poison')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: expect.stringMatching(/stopped each time/),
    });
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('cancels only a job that is still waiting, and never runs a cancelled one', async () => {
    const { db, dialect } = ctx();
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'cancel-me', runAt: at(1) });
    await enqueue(db, T0, { kind: 'test.mail', dedupeKey: 'running', runAt: T0 });
    await enqueue(db, T0, { kind: 'other.kind', dedupeKey: 'not-mine', runAt: at(1) });
    const cancelMe = (await findJobByKey(db, 'cancel-me'))?.id ?? 0;
    const [running] = await claimJobs(db, { dialect, workerId: 'w', now: T0, leaseMs: MIN, limit: 1 });
    const notMine = (await findJobByKey(db, 'not-mine'))?.id ?? 0;

    expect(await cancelScheduledJob(db, cancelMe, ['test.mail'], null, T0)).toBe(true);
    expect(await cancelScheduledJob(db, cancelMe, ['test.mail'], null, T0)).toBe(false);
    expect(await cancelScheduledJob(db, running?.id ?? 0, ['test.mail'], null, T0)).toBe(false);
    expect(await cancelScheduledJob(db, notMine, ['test.mail'], null, T0)).toBe(false);
    expect(await findJob(db, cancelMe)).toMatchObject({ status: 'cancelled', finishedAt: T0.toISOString() });
    await db.deleteFrom('jobs').where('dedupe_key', '!=', 'cancel-me').execute();
    expect((await new JobRunner(deps(), { handlers: { 'test.mail': mailing } }).runOnce(at(60))).claimed).toBe(0);
    expect(await enqueue(db, at(60), { kind: 'test.mail', dedupeKey: 'cancel-me', runAt: at(60) })).toBe(false);
  });

  it('keeps one job per slot for a recurring job, whoever polls', async () => {
    const { db } = ctx();
    let runs = 0;
    const handlers: JobHandlers = {
      'test.tick': async () => {
        runs += 1;
        return { status: 'done' };
      },
    };
    const recurring = [{ kind: 'test.tick', everyMs: 15 * MIN }];
    const a = new JobRunner(deps(), { handlers, recurring });
    const b = new JobRunner(deps(), { handlers, recurring });
    await a.runOnce(at(1));
    await b.runOnce(at(2));
    await a.runOnce(at(14));
    expect(runs).toBe(1);
    await b.runOnce(at(15));
    expect(runs).toBe(2);
    const keys = (await db.selectFrom('jobs').select('dedupe_key').orderBy('id').execute()).map((r) => r.dedupe_key);
    expect(keys).toEqual(['test.tick:2026-11-29T10:00:00.000Z', 'test.tick:2026-11-29T10:15:00.000Z']);
  });

  it('polls on its own without overlapping, and on stop finishes the job in hand and puts the rest back', async () => {
    const { db } = ctx();
    const d = deps();
    d.clock.set(T0);
    for (const key of ['p1', 'p2', 'p3']) await enqueue(db, T0, { kind: 'test.slow', dedupeKey: key, runAt: T0 });
    let active = 0;
    let maxActive = 0;
    const started: string[] = [];
    const firstStarted = deferred();
    const release = deferred();
    const handlers: JobHandlers = {
      'test.slow': async ({ job }) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        started.push(job.dedupeKey);
        firstStarted.resolve();
        await release.promise;
        active -= 1;
        return { status: 'done' };
      },
    };
    const runner = new JobRunner(d, { handlers, pollMs: 5 });
    runner.start();
    expect(runner.running).toBe(true);
    await firstStarted.promise;
    // Several poll intervals pass while the first job is in hand: no second poll starts.
    await new Promise((r) => setTimeout(r, 60));
    expect(started).toEqual(['p1']);
    const stopped = runner.stop();
    release.resolve();
    await stopped;
    expect(runner.running).toBe(false);
    expect(maxActive).toBe(1);
    expect(await statusOf('p1')).toBe('done');
    // Claimed in the same batch but not started: back on the queue, the claim not counted.
    expect(await findJobByKey(db, 'p2')).toMatchObject({ status: 'scheduled', attempts: 0, lockedBy: null });
    expect(await findJobByKey(db, 'p3')).toMatchObject({ status: 'scheduled', attempts: 0 });

    // Started again, it works through the rest by itself.
    const again = new JobRunner(d, { handlers: { 'test.slow': async () => ({ status: 'done' }) }, pollMs: 5 });
    again.start();
    try {
      await eventually(async () => (await statusOf('p3')) === 'done', 5_000, 'the poller to run p3');
    } finally {
      await again.stop();
    }
    expect(await statusOf('p2')).toBe('done');
  });

  /** The runner, noting how many jobs each of its polls claimed into `polls`. */
  const recordingPolls = (runner: JobRunner, polls: number[]): JobRunner => {
    const runOnce = runner.runOnce.bind(runner);
    runner.runOnce = async (at?: Date) => {
      const report = await runOnce(at);
      polls.push(report.claimed);
      return report;
    };
    return runner;
  };

  it('after a full batch polls again at once, and after a short one waits the poll interval', async () => {
    const { db } = ctx();
    const d = deps();
    const now = d.clock.now();
    for (let k = 0; k < 7; k++) await enqueue(db, now, { kind: 'test.quick', dedupeKey: `q${k}`, runAt: now });
    const polls: number[] = [];
    const runner = recordingPolls(
      new JobRunner(d, { handlers: { 'test.quick': async () => ({ status: 'done' }) }, batchSize: 3, pollMs: 60_000 }),
      polls,
    );
    runner.start();
    try {
      // Three, three, then one: the third poll follows the second at once; a minute's interval
      // after any of them would far outlast this wait.
      await eventually(
        async () => (await db.selectFrom('jobs').select('id').where('status', '=', 'done').execute()).length === 7,
        5_000,
        'all seven jobs',
      );
      expect(polls).toEqual([3, 3, 1]);
      // After the short batch, the next poll waits its interval.
      await new Promise((r) => setTimeout(r, 100));
      expect(polls).toEqual([3, 3, 1]);
    } finally {
      await runner.stop();
    }
  });

  it('polls again at once after a job that queued its next batch, and waits once none does', async () => {
    const { db } = ctx();
    const d = deps();
    await enqueue(db, d.clock.now(), { kind: 'test.batches', dedupeKey: 'batch:0', runAt: d.clock.now(), payload: { batch: 0 } });
    const polls: number[] = [];
    // Three batches, each queuing the next in its own transaction, as a long reminder round does.
    const handler = async ({ job, trx, now }: JobContext): Promise<JobOutcome> => {
      const batch = (job.payload as { batch: number }).batch;
      if (batch === 2) return { status: 'done' };
      await enqueue(trx, now, { kind: 'test.batches', dedupeKey: `batch:${batch + 1}`, runAt: now, payload: { batch: batch + 1 } });
      return { status: 'done', queuedMore: true };
    };
    const runner = recordingPolls(new JobRunner(d, { handlers: { 'test.batches': handler }, batchSize: 10, pollMs: 60_000 }), polls);
    runner.start();
    try {
      // Each poll claims one job, short of a full batch: without queuedMore the second poll would
      // come a minute later.
      await eventually(
        async () =>
          (await db.selectFrom('jobs').select('id').where('kind', '=', 'test.batches').where('status', '=', 'done').execute()).length === 3,
        5_000,
        'all three batches',
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(polls).toEqual([1, 1, 1]);
    } finally {
      await runner.stop();
    }
  });
});
