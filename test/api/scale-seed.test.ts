import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedAtScale } from '../../src/features/demo/scale-seed.ts';
import type { ScaleSeedResult } from '../../src/features/demo/scale-seed.ts';
import { chartOptions } from '../../src/features/program-figures/program-figures.service.ts';
import { liveChart, liveCharts } from '../../src/features/reports/report-charts.ts';
import type { ChartRef } from '../../src/shared/api/reports.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

// `tandem seed`: the bulk-written program reads back through the app's own routes, as if people had made it.
describeEachDialect('scale seed', (db) => {
  let ctx: TestContext;
  let seeded: ScaleSeedResult;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    seeded = await seedAtScale(ctx.deps, { people: 300, onProgress: (done, total) => progress.push([done, total]) });
  }, 60_000);
  afterAll(async () => {
    await ctx.close();
  });

  const count = async (table: 'users' | 'applications' | 'matches' | 'goal_sheets' | 'contacts' | 'survey_responses') =>
    Number(
      (
        await ctx.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes the program it says, in realistic proportions, and reports progress to the end', async () => {
    const c = seeded.counts;
    expect(await count('users')).toBe(300);
    for (const table of ['applications', 'matches', 'goal_sheets', 'contacts', 'survey_responses'] as const) {
      expect(await count(table), table).toBe(c[table]);
    }
    const mentees = await ctx.deps.db.selectFrom('applications').select('status').where('role', '=', 'mentee').execute();
    const matched = mentees.filter((a) => a.status === 'matched').length;
    expect(matched / mentees.length).toBeGreaterThan(0.75);
    const mentors = await ctx.deps.db.selectFrom('applications').select('id').where('role', '=', 'mentor').execute();
    expect(mentees.length / mentors.length).toBeGreaterThan(2.5);
    expect(c.goal_sheets! / c.matches!).toBeGreaterThan(0.7);
    expect(c.contacts! / c.matches!).toBeGreaterThan(2);
    const periods = await ctx.deps.db.selectFrom('periods').select('status').orderBy('id').execute();
    expect(periods.map((p) => p.status)).toEqual(['closed', 'closed', 'active']);
    const total = Object.values(c).reduce((s, n) => s + n, 0);
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('refuses a database that already has data', async () => {
    await expect(seedAtScale(ctx.deps, { people: 300 })).rejects.toMatchObject({ code: 'NOT_EMPTY' });
    expect(await count('users')).toBe(300);
  });

  it('lets the printed staff member sign in and read the program', async () => {
    const staff = new Client(ctx.app);
    expect((await staff.signIn(seeded.staffEmail, seeded.password)).statusCode).toBe(200);
    const periods = (await staff.get('/api/periods')).json() as { periods: { id: number; status: string }[] };
    expect(periods.periods).toHaveLength(3);
    for (const p of periods.periods) {
      expect((await staff.get(`/api/periods/${p.id}/applications`)).statusCode, `applications of ${p.id}`).toBe(200);
      expect((await staff.get(`/api/periods/${p.id}/matches`)).statusCode, `matches of ${p.id}`).toBe(200);
      expect((await staff.get(`/api/program-figures?periodId=${p.id}`)).statusCode, `figures of ${p.id}`).toBe(200);
    }
    expect((await staff.get('/api/goal-sheets')).statusCode).toBe(200);
    expect((await staff.get('/api/events')).statusCode).toBe(200);
    const surveys = (await staff.get('/api/surveys')).json() as { surveys: { id: number; state: string }[] };
    const closed = surveys.surveys.filter((s) => s.state === 'closed');
    expect(closed).toHaveLength(2);
    for (const s of closed) {
      const results = await staff.get(`/api/surveys/${s.id}/results`);
      expect(results.statusCode).toBe(200);
    }
  });

  it('lets the printed mentee sign in to an active match with a partner, a goal sheet and contacts', async () => {
    const mentee = new Client(ctx.app);
    expect((await mentee.signIn(seeded.menteeEmail, seeded.password)).statusCode).toBe(200);
    const mine = (await mentee.get('/api/my/matches')).json() as { matches: { id: number; status: string }[] };
    const active = mine.matches.filter((m) => m.status === 'active');
    expect(active).toHaveLength(1);
    const id = active[0]!.id;
    expect((await mentee.get(`/api/matches/${id}/workspace`)).statusCode).toBe(200);
    expect([200, 404]).toContain((await mentee.get(`/api/matches/${id}/goal-sheet`)).statusCode);
    expect((await mentee.get('/api/events')).statusCode).toBe(200);
  });

  it('draws a report’s charts in one batch exactly as one at a time', async () => {
    const periods = await ctx.deps.db.selectFrom('periods').select('id').orderBy('id').execute();
    const refs: ChartRef[] = [];
    for (const p of periods) for (const o of (await chartOptions(ctx.deps, p.id)).options) refs.push(o.ref);
    expect(refs.some((r) => r.source === 'survey')).toBe(true);
    // And references whose data cannot be had: a survey that does not exist, a free-text question, a missing question.
    const surveyId = refs.find((r): r is Extract<ChartRef, { source: 'survey' }> => r.source === 'survey')?.surveyId ?? 0;
    refs.push(
      { source: 'survey', surveyId: 999_999, questionId: 'overall' },
      { source: 'survey', surveyId, questionId: 'went-well' },
      { source: 'survey', surveyId, questionId: 'no-such-question' },
      { source: 'figures', periodId: 999_999, figure: 'applications' },
    );
    const batch = await liveCharts(ctx.deps, refs);
    const alone = await Promise.all(refs.map((ref) => liveChart(ctx.deps, ref)));
    expect(batch.map((c) => c.data)).toEqual(alone);
    expect(batch.slice(-4).every((c) => c.data.suppressed)).toBe(true);
  });
});
