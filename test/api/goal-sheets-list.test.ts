import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { activePeriod } from '../setup/job-fixtures.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { pageThrough } from '../setup/page-through.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface Row {
  matchId: number;
  matchStatus: string;
  mentor: { name: string };
  mentee: { name: string };
  status: string;
  started: boolean;
  dueOn: string;
  overdue: boolean;
  submittedAt: string | null;
}
interface Page {
  period: { id: number } | null;
  counts: Record<'draft' | 'submitted' | 'returned' | 'acknowledged' | 'overdue', number>;
  rows: Row[];
  nextCursor: string | null;
  total: number;
}

const EMPTY = JSON.stringify({ goals: [], communication: { channels: [], cadence: '' } });

/**
 * GET /api/goal-sheets (issue #19): the database filters, orders and counts a period's sheets;
 * overdue there must agree with the rules the rows are shown with. The test clock says
 * 1 September 2026 in Chicago and sheets are due 30 days after the match: matches of July are
 * past their due day.
 */
describeEachDialect('the goal-sheet list', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    periodId = await activePeriod(ctx.deps);
    const plan: { matched: string; sheet?: 'draft' | 'submitted' | 'returned' | 'acknowledged'; ended?: boolean; sentAt?: string }[] = [
      { matched: '2026-07-01T15:00:00.000Z' }, // overdue, nothing saved
      { matched: '2026-07-01T15:00:00.000Z' }, // overdue, same instant
      { matched: '2026-07-20T15:00:00.000Z', sheet: 'draft' }, // overdue, a draft
      { matched: '2026-07-10T15:00:00.000Z', ended: true }, // ended: not overdue
      { matched: '2026-07-05T15:00:00.000Z', sheet: 'returned', sentAt: '2026-07-30T15:00:00.000Z' }, // sent once: not overdue
      { matched: '2026-08-20T15:00:00.000Z', sheet: 'submitted', sentAt: '2026-08-29T15:00:00.000Z' },
      { matched: '2026-08-10T15:00:00.000Z', sheet: 'submitted', sentAt: '2026-08-25T15:00:00.000Z' },
      { matched: '2026-08-02T05:00:00.000Z' }, // the first instant not past due: due 1 September, today
      { matched: '2026-08-02T04:59:59.999Z' }, // the last instant past due
      { matched: '2026-08-15T15:00:00.000Z', sheet: 'acknowledged', sentAt: '2026-08-16T15:00:00.000Z' },
      { matched: '2026-08-25T15:00:00.000Z', sheet: 'draft' },
      { matched: '2026-08-26T15:00:00.000Z' },
    ];
    const letters = 'ABCDEFGHIJKL';
    for (const [i, p] of plan.entries()) {
      const m = await createTestMatch(ctx.deps, {
        periodId,
        names: [`Mentor ${letters[i]}`, `Mentee ${letters[11 - i]}`],
        matchedAt: p.matched,
      });
      if (p.ended)
        await ctx.deps.db
          .updateTable('matches')
          .set({ status: 'ended', ended_at: '2026-08-01T00:00:00.000Z' })
          .where('id', '=', m.id)
          .execute();
      if (p.sheet) {
        await ctx.deps.db
          .insertInto('goal_sheets')
          .values({
            match_id: m.id,
            status: p.sheet,
            revision: 1,
            content: EMPTY,
            updated_at: p.matched,
            created_at: p.matched,
            submitted_at: p.sentAt ?? null,
            first_submitted_at: p.sentAt ?? null,
            reviewed_at: p.sheet === 'acknowledged' || p.sheet === 'returned' ? p.sentAt : null,
          })
          .execute();
      }
    }
    await createTestMatch(ctx.deps, { periodId: await activePeriod(ctx.deps), matchedAt: '2026-07-01T15:00:00.000Z' });
  });
  afterAll(() => ctx.close());

  const list = async (query: string): Promise<Page> => {
    const res = await staff.get(`/api/goal-sheets?periodId=${periodId}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('finds overdue sheets in the database exactly as the rules judge each row, and counts every status', async () => {
    const all = await list('limit=500');
    expect(all.total).toBe(12);
    expect(all.counts).toEqual({ draft: 8, submitted: 2, returned: 1, acknowledged: 1, overdue: 4 });
    const overdue = await list('status=overdue&limit=500');
    expect(overdue.rows.map((r) => r.matchId).sort()).toEqual(
      all.rows
        .filter((r) => r.overdue)
        .map((r) => r.matchId)
        .sort(),
    );
    expect(overdue.total).toBe(4);
    for (const status of ['draft', 'submitted', 'returned', 'acknowledged'] as const) {
      const page = await list(`status=${status}&limit=500`);
      expect(page.rows.every((r) => r.status === status)).toBe(true);
      expect(page.total).toBe(all.counts[status]);
    }
  });

  it('orders overdue first, then waiting for review (first sent first), then by due date; or by due date, or mentee', async () => {
    const rows = (await list('limit=500')).rows;
    const rank = (r: Row) => (r.overdue ? 0 : r.status === 'submitted' ? 1 : 2);
    expect(rows.map(rank)).toEqual([...rows.map(rank)].sort());
    const waiting = rows.filter((r) => rank(r) === 1).map((r) => r.submittedAt);
    expect(waiting).toEqual(['2026-08-25T15:00:00.000Z', '2026-08-29T15:00:00.000Z']);
    for (const group of [0, 2]) {
      const due = rows.filter((r) => rank(r) === group).map((r) => r.dueOn);
      expect(due).toEqual([...due].sort());
    }
    const byDue = (await list('sort=due&limit=500')).rows.map((r) => r.dueOn);
    expect(byDue).toEqual([...byDue].sort());
    const byMentee = (await list('sort=mentee&limit=500')).rows.map((r) => r.mentee.name);
    expect(byMentee).toEqual([...byMentee].sort());
  });

  it('searches both names; counts follow the search', async () => {
    const found = await list('q=MENTOR%20a');
    expect(found.rows.map((r) => r.mentor.name)).toEqual(['Mentor A']);
    expect(found.counts).toEqual({ draft: 1, submitted: 0, returned: 0, acknowledged: 0, overdue: 1 });
    expect((await list('q=mentee%20l')).rows.map((r) => r.mentee.name)).toEqual(['Mentee L']);
    expect((await list('q=%25')).total).toBe(0);
  });

  it('pages through every filter and order without gaps or duplicates', async () => {
    for (const query of ['', 'status=overdue', 'status=draft', 'sort=due', 'sort=mentee', 'q=mentee&status=draft&sort=mentee']) {
      const whole = await list(`${query}&limit=500`);
      for (const limit of [1, 3, 5]) {
        const seen = await pageThrough(list, query, limit, (p) => p.rows.map((r) => r.matchId));
        expect(seen, `${query} by ${limit}`).toEqual(whole.rows.map((r) => r.matchId));
      }
    }
  });

  it('answers 400 for a made-up cursor and 403 for anyone but staff', async () => {
    for (const after of ['not-a-cursor', 'WyJ4Il0', 'eyJhIjoxfQ']) {
      expect((await staff.get(`/api/goal-sheets?periodId=${periodId}&after=${after}`)).statusCode, after).toBe(400);
    }
    expect((await staff.get(`/api/goal-sheets?sort=newest`)).statusCode).toBe(400);
    for (const roles of [['mentor'], ['committee']] as const) {
      const client = await sessionClient(ctx, (await createPerson(ctx.deps, [...roles])).id);
      expect((await client.get('/api/goal-sheets')).statusCode).toBe(403);
    }
  });
});
