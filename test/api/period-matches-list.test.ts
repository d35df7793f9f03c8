import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeCursor } from '../../src/shared/api/list-query.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { activePeriod } from '../setup/job-fixtures.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { pageThrough } from '../setup/page-through.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface Row {
  id: number;
  status: string;
  matchedAt: string;
  mentor: { id: number; name: string; email: string };
  mentee: { id: number; name: string; email: string };
  liaisonName: string | null;
}
interface Page {
  period: { id: number; name: string };
  matches: Row[];
  nextCursor: string | null;
  total: number;
  counts: { active: number; ended: number };
}

const LETTERS = 'ABCDEFGHIJKL';

/** GET /api/periods/:id/matches (issue #19): search, filters, order and keyset paging of a period's matches. */
describeEachDialect("the list of a period's matches", (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;
  let graceId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    periodId = await activePeriod(ctx.deps);
    graceId = (await createPerson(ctx.deps, ['mentor'], 'Grace Hopper')).id;
    const liaison = await createPerson(ctx.deps, ['committee'], 'Lia Son');
    // Twelve pairs; three with Grace; four made at the very same instant (the id breaks the tie).
    for (let i = 0; i < 12; i++) {
      const day = i < 4 ? 10 : 10 + i;
      const m = await createTestMatch(ctx.deps, {
        periodId,
        names: [`Mentor ${LETTERS[11 - i]}`, `Mentee ${LETTERS[(i * 5) % 12]}`],
        matchedAt: new Date(Date.UTC(2026, 8, day, 14)).toISOString(),
      });
      // One application per person and period: Grace's pairs are moved to her afterwards.
      if (i < 3) await ctx.deps.db.updateTable('matches').set({ mentor_user_id: graceId }).where('id', '=', m.id).execute();
      if (i % 4 === 1) {
        await ctx.deps.db
          .updateTable('matches')
          .set({ status: 'ended', ended_at: '2026-10-01T00:00:00.000Z' })
          .where('id', '=', m.id)
          .execute();
      }
      if (i === 2 || i === 7)
        await ctx.deps.db.updateTable('matches').set({ liaison_user_id: liaison.id }).where('id', '=', m.id).execute();
    }
    // Another period's match never shows.
    await createTestMatch(ctx.deps, { periodId: await activePeriod(ctx.deps), names: ['Mentor Other', 'Mentee Other'] });
  });
  afterAll(() => ctx.close());

  const list = async (query: string): Promise<Page> => {
    const res = await staff.get(`/api/periods/${periodId}/matches?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('pages through every filter and order without gaps or duplicates, with the same count on every page', async () => {
    const queries = ['', 'status=ended', 'q=grace', `mentorId=${graceId}`, 'liaison=none', 'sort=mentee', 'sort=mentor', 'sort=oldest'];
    for (const query of [...queries, 'q=mentee&sort=mentee&status=active', `sort=oldest&mentorId=${graceId}`]) {
      const whole = await list(`${query}&limit=500`);
      expect(whole.total).toBe(whole.matches.length);
      expect(whole.nextCursor).toBeNull();
      for (const limit of [1, 4, 5]) {
        const seen = await pageThrough(list, query, limit, (p) => p.matches.map((m) => m.id));
        expect(seen, `${query} by ${limit}`).toEqual(whole.matches.map((m) => m.id));
      }
    }
  });

  it('orders newest first by default (ties by id), oldest first, or by either name', async () => {
    const newest = (await list('')).matches;
    expect(newest).toHaveLength(12);
    const key = (m: Row) => `${m.matchedAt}#${String(m.id).padStart(9, '0')}`;
    expect(newest.map(key)).toEqual(newest.map(key).sort().reverse());
    const oldest = (await list('sort=oldest')).matches;
    expect(oldest.map((m) => m.id)).toEqual(newest.map((m) => m.id).reverse());
    const byMentee = (await list('sort=mentee')).matches.map((m) => m.mentee.name);
    expect(byMentee).toEqual([...byMentee].sort());
    const byMentor = (await list('sort=mentor')).matches.map((m) => m.mentor.name);
    expect(byMentor).toEqual([...byMentor].sort());
  });

  it('searches names and addresses ignoring case, filters by status, mentor and liaison, and counts before the status filter', async () => {
    const all = await list('');
    expect(all.total).toBe(12);
    expect(all.counts).toEqual({ active: 9, ended: 3 });
    expect(all.period.id).toBe(periodId);

    const grace = await list('q=GRACE');
    expect(grace.total).toBe(3);
    expect(grace.matches.every((m) => m.mentor.id === graceId)).toBe(true);
    const byAddress = await list(`q=${encodeURIComponent(all.matches[0]!.mentee.email.slice(0, 12))}`);
    expect(byAddress.matches.map((m) => m.id)).toContain(all.matches[0]!.id);
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);

    const ended = await list('status=ended');
    expect(ended.total).toBe(3);
    expect(ended.matches.every((m) => m.status === 'ended')).toBe(true);
    expect(ended.counts).toEqual({ active: 9, ended: 3 });
    expect((await list('status=active')).matches.every((m) => m.status === 'active')).toBe(true);

    const mentor = await list(`mentorId=${graceId}&status=active`);
    expect(mentor.counts).toEqual({ active: 2, ended: 1 });
    expect(mentor.total).toBe(2);

    const noLiaison = await list('liaison=none');
    expect(noLiaison.total).toBe(10);
    expect(noLiaison.matches.every((m) => m.liaisonName === null)).toBe(true);
    const withLiaison = await list('liaison=assigned');
    expect(withLiaison.matches.map((m) => m.liaisonName)).toEqual(['Lia Son', 'Lia Son']);
  });

  it('answers 400 for a cursor it did not hand out or a bad filter, 404 for an unknown period, 403 for anyone but staff', async () => {
    for (const after of ['not-a-cursor', encodeURIComponent('%%%'), encodeCursor([1 as unknown as string, 1]).slice(0, -2) + 'xx']) {
      const res = await staff.get(`/api/periods/${periodId}/matches?after=${after}`);
      expect(res.statusCode, after).toBe(400);
      expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await staff.get(`/api/periods/${periodId}/matches?status=paused`)).statusCode).toBe(400);
    expect((await staff.get(`/api/periods/${periodId}/matches?sort=score`)).statusCode).toBe(400);
    expect((await staff.get(`/api/periods/${periodId}/matches?limit=0`)).statusCode).toBe(400);
    expect((await staff.get('/api/periods/999999/matches')).statusCode).toBe(404);
    for (const roles of [['mentor'], ['mentee'], ['committee']] as const) {
      const person = await createPerson(ctx.deps, [...roles]);
      const client = await sessionClient(ctx, person.id);
      expect((await client.get(`/api/periods/${periodId}/matches`)).statusCode, roles.join()).toBe(403);
    }
  });
});
