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
    const worker = createHealthWorker(data, 200);
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

  it('fails what it was asked when its thread cannot open the database, and tries again on the next request', async () => {
    const broken = createHealthWorker({ connection: { sqliteFile: '/etc/passwd/tandem.sqlite' } });
    try {
      await expect(broken.health(periodId, ctx.clock.now())).rejects.toThrow();
      expect(broken.running()).toBe(false);
      await expect(broken.health(periodId, ctx.clock.now())).rejects.toThrow();
    } finally {
      await broken.close();
    }
  });
});
