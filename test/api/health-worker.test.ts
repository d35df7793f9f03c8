import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHealthWorker } from '../../src/features/program-health/health-runner.ts';
import type { HealthWorkerData } from '../../src/features/program-health/health-job.ts';
import { getProgramHealth } from '../../src/features/program-health/program-health.service.ts';
import { NotFoundError } from '../../src/errors.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { periodIn } from './matching-fixtures.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The thread that works out large periods' health (program-health.test.ts checks its answers
// against the server's own at 2,000 matches): how it starts, stops when idle, and fails.
describeEachDialect('the program-health worker thread', (db) => {
  let ctx: TestContext;
  let data: HealthWorkerData;
  let periodId: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    periodId = await periodIn(ctx.deps, 'active');
    await createTestMatch(ctx.deps, { periodId, matchedAt: '2026-08-20T15:00:00.000Z' });
    data = { connection: { databaseUrl: ctx.deps.config.databaseUrl, sqliteFile: ctx.deps.config.sqliteFile } };
  });
  afterAll(() => ctx.close());

  it('starts on first use, answers as the server would, stops when idle and starts again when asked', async () => {
    const worker = createHealthWorker(data, { idleMs: 200 });
    try {
      expect(worker.running()).toBe(false);
      const now = ctx.clock.now();
      const [first, second] = await Promise.all([worker.health(periodId, now), worker.health(periodId, now)]);
      expect(first).toEqual(await getProgramHealth(ctx.deps, periodId, Number.MAX_SAFE_INTEGER));
      expect(second).toEqual(first);
      expect(first.totals.activeMatches).toBe(1);
      expect(worker.running()).toBe(true);
      await sleep(600);
      expect(worker.running()).toBe(false);
      expect((await worker.health(periodId, now)).totals.activeMatches).toBe(1);
      expect(worker.running()).toBe(true);
    } finally {
      await worker.close();
    }
    expect(worker.running()).toBe(false);
  });

  it('says a period does not exist as the server would, and keeps working after', async () => {
    const worker = createHealthWorker(data);
    try {
      await expect(worker.health(999_999, ctx.clock.now())).rejects.toBeInstanceOf(NotFoundError);
      expect((await worker.health(periodId, ctx.clock.now())).totals.activeMatches).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('fails what it was asked when it is closed meanwhile', async () => {
    const worker = createHealthWorker(data);
    const asked = expect(worker.health(periodId, ctx.clock.now())).rejects.toThrow('the server is stopping');
    await worker.close();
    await asked;
  });

  it('refuses work once closed, starting no thread nobody would stop', async () => {
    const worker = createHealthWorker(data);
    await worker.close();
    await expect(worker.health(periodId, ctx.clock.now())).rejects.toThrow('the server is stopping');
    expect(worker.running()).toBe(false);
  });

  it('stops a thread that takes longer than the limit, fails what it was asked, and starts afresh on the next request', async () => {
    // No period's health comes back within 1 ms of asking (starting the thread alone takes longer).
    const worker = createHealthWorker(data, { jobLimitMs: 1 });
    try {
      const asked = [worker.health(periodId, ctx.clock.now()), worker.health(periodId, ctx.clock.now())];
      for (const one of asked) await expect(one).rejects.toThrow('program health took longer than 0.001 s: the thread was stopped');
      expect(worker.running()).toBe(false);
      const again = worker.health(periodId, ctx.clock.now());
      expect(worker.running()).toBe(true);
      await expect(again).rejects.toThrow('took longer');
      expect(worker.running()).toBe(false);
    } finally {
      await worker.close();
    }
  });

  it('fails what it was asked when its thread cannot reach the database, and tries again on the next request', async () => {
    const dialect = db().dialect;
    // SQLite: a file that cannot be opened stops the thread as it starts. PostgreSQL: a server that
    // is not there fails each request, and the thread stays for when the server is back.
    const broken = createHealthWorker({
      connection:
        dialect === 'sqlite'
          ? { sqliteFile: '/etc/passwd/tandem.sqlite' }
          : { databaseUrl: 'postgres://tandem@127.0.0.1:1/nowhere', sqliteFile: '' },
    });
    try {
      await expect(broken.health(periodId, ctx.clock.now())).rejects.toThrow(dialect === 'sqlite' ? /./ : /ECONNREFUSED|connect/);
      expect(broken.running()).toBe(dialect === 'postgres');
      await expect(broken.health(periodId, ctx.clock.now())).rejects.toThrow();
    } finally {
      await broken.close();
    }
  });
});
