// A run's approval writes its matches, their history and everyone's e-mail a chunk of rows per
// statement (insertMatches, recordMails): at 8,800 pairs one statement per row held the server
// for seconds. These pools are bigger than a chunk (200), so every chunk boundary is crossed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn, runMatching, seedPool } from './matching-fixtures.ts';

describeEachDialect('approving a run of more pairs than a chunk', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('makes every pair a match with its history, and mails each person once', async () => {
    const committee = (await signedIn(ctx, ['committee'])).client;
    const periodId = await periodIn(ctx.deps, 'matching');
    // 70 mentors of 3 places each: 210 of the 230 mentees are matched, 20 are told they are not.
    const { mentees, mentors } = await seedPool(ctx.deps, periodId, { mentees: 230, mentors: 70 }, { mentor: () => ({ capacity: 3 }) });
    const run = await runMatching(committee, ctx.deps, periodId);
    const pairs = run.result!.pairs;
    expect(pairs.length).toBe(210);
    const approved = await committee.post(`/api/matching-runs/${run.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ matchesCreated: 210, unmatchedNotified: 20 });

    const matches = await ctx.deps.db
      .selectFrom('matches')
      .select(['id', 'mentee_application_id', 'mentor_application_id', 'matching_run_id', 'score'])
      .where('period_id', '=', periodId)
      .execute();
    const byMentee = new Map(matches.map((m) => [m.mentee_application_id, m]));
    for (const p of pairs) {
      expect(byMentee.get(p.menteeApplicationId)).toMatchObject({
        mentor_application_id: p.mentorApplicationId,
        matching_run_id: run.id,
        score: p.score,
      });
    }
    // Each match's history begins with its making, by this run, once.
    const made = await ctx.deps.db
      .selectFrom('match_events')
      .select(['match_id', 'details'])
      .where(
        'match_id',
        'in',
        matches.map((m) => m.id),
      )
      .where('kind', '=', 'made')
      .execute();
    expect(made.map((e) => e.match_id).sort((a, b) => a - b)).toEqual(matches.map((m) => m.id).sort((a, b) => a - b));
    expect(new Set(made.map((e) => e.details))).toEqual(new Set([JSON.stringify({ matchingRunId: run.id })]));

    // Everyone in the pool hears, once a pair: each mentee once, each mentor once a mentee (every
    // place is filled here), and the 20 mentees left over once, that they are not matched.
    const mails = await ctx.deps.db.selectFrom('outbox').select(['to_address', 'kind']).execute();
    const emailOf = new Map(
      (await ctx.deps.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.id, u.email.toLowerCase()]),
    );
    const pool = new Set([...mentees, ...mentors].map((a) => emailOf.get(a.userId)!));
    const received = mails.filter((m) => pool.has(m.to_address));
    expect(new Set(received.map((m) => m.to_address))).toEqual(pool);
    expect(received.filter((m) => m.kind === 'match-announcement')).toHaveLength(2 * 210);
    expect(received).toHaveLength(2 * 210 + 20);
  });
});
