import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeCursor } from '../../src/shared/api/list-query.ts';
import type { MatchingRun, RunPairsPage } from '../../src/shared/api/matching.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn, runMatching, seedPool } from './matching-fixtures.ts';
import type { Applicant } from './matching-fixtures.ts';

type RunPair = NonNullable<MatchingRun['result']>['pairs'][number];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ids = (pairs: readonly RunPair[]) => pairs.map((p) => p.menteeApplicationId);
const hasAgainst = (p: RunPair) => p.reasons.some((r) => r.polarity === 'against');

describeEachDialect('a run’s pairs, a page at a time', (db) => {
  let ctx: TestContext;
  let committee: Client;
  let staff: Client;
  let periodId: number;
  let run: MatchingRun;
  let pool: { mentees: Applicant[]; mentors: Applicant[] };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    committee = (await signedIn(ctx, ['committee'])).client;
    staff = (await signedIn(ctx, ['staff'])).client;
    periodId = await periodIn(ctx.deps);
    // 12 mentees, 4 mentors with 10 places: 10 pairs and 2 left unmatched. One pair is locked.
    pool = await seedPool(ctx.deps, periodId);
    const lock = { kind: 'lock', menteeApplicationId: pool.mentees[5]!.applicationId, mentorApplicationId: pool.mentors[2]!.applicationId };
    expect((await committee.post(`/api/periods/${periodId}/pair-rules`, lock)).statusCode).toBe(201);
    run = await runMatching(committee, ctx.deps, periodId);
    expect(run.result!.pairs).toHaveLength(10);
  });
  afterAll(() => ctx.close());

  const page = async (client: Client, query: string): Promise<RunPairsPage> => {
    const res = await client.get(`/api/matching-runs/${run.id}/pairs${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RunPairsPage;
  };

  /** Every page of a query, following the cursors; fails on a repeated row. */
  const allPages = async (query: string, limit: number): Promise<{ pairs: RunPair[]; pages: number }> => {
    const pairs: RunPair[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const sep = query ? '&' : '';
      const res: RunPairsPage = await page(committee, `${query}${sep}limit=${limit}${after ? `&after=${after}` : ''}`);
      pages += 1;
      expect(res.pairs.length).toBeLessThanOrEqual(limit);
      pairs.push(...res.pairs);
      after = res.nextCursor;
    } while (after !== null && pages < 50);
    expect(new Set(ids(pairs)).size).toBe(pairs.length);
    return { pairs, pages };
  };

  it('keeps the full run by default, and leaves the pairs out of the summary view', async () => {
    const full = (await committee.get(`/api/matching-runs/${run.id}`)).json() as MatchingRun;
    expect(full.result!.pairs).toHaveLength(10);
    expect((await committee.get(`/api/matching-runs/${run.id}?view=full`)).json()).toEqual(full);

    const summary = (await staff.get(`/api/matching-runs/${run.id}?view=summary`)).json();
    expect(summary.result).not.toHaveProperty('pairs');
    expect(summary.result.summary).toEqual(full.result!.summary);
    expect(summary.result.unmatched).toEqual(full.result!.unmatched);
    expect(summary.result.mentors).toEqual(full.result!.mentors);
    const { result: _r1, ...restFull } = full;
    const { result: _r2, ...restSummary } = summary as MatchingRun;
    expect(restSummary).toEqual(restFull);
    expect((await committee.get(`/api/matching-runs/${run.id}?view=pairs`)).statusCode).toBe(400);
  });

  it('sorts weakest first by default, and by strongest, mentor or mentee when asked', async () => {
    const pairs = run.result!.pairs;
    const first = await page(committee, '');
    expect(first.total).toBe(10);
    expect(first.nextCursor).toBeNull();
    expect(first.counts).toMatchObject({ all: 10, unmatched: 2, locked: 1 });
    const byScoreUp = [...pairs].sort((a, b) => a.score - b.score || a.menteeApplicationId - b.menteeApplicationId);
    expect(ids(first.pairs)).toEqual(ids(byScoreUp));
    // The pair shape is the run's own.
    expect(first.pairs).toEqual(expect.arrayContaining(pairs));

    const byScoreDown = [...pairs].sort((a, b) => b.score - a.score || a.menteeApplicationId - b.menteeApplicationId);
    expect(ids((await page(committee, 'sort=score-desc')).pairs)).toEqual(ids(byScoreDown));
    expect(ids((await page(committee, 'sort=score-asc')).pairs)).toEqual(ids(byScoreUp));

    const byMentor = [...pairs].sort(
      (a, b) => collator.compare(a.mentorName, b.mentorName) || a.menteeApplicationId - b.menteeApplicationId,
    );
    expect(ids((await page(committee, 'sort=mentor')).pairs)).toEqual(ids(byMentor));
    const byMentee = [...pairs].sort(
      (a, b) => collator.compare(a.menteeName, b.menteeName) || a.menteeApplicationId - b.menteeApplicationId,
    );
    expect(ids((await page(committee, 'sort=mentee')).pairs)).toEqual(ids(byMentee));

    expect((await committee.get(`/api/matching-runs/${run.id}/pairs?sort=best`)).statusCode).toBe(400);
  });

  it('pages through every order without gaps or repeats', async () => {
    for (const sort of ['score-asc', 'score-desc', 'mentor', 'mentee']) {
      const whole = (await page(committee, `sort=${sort}`)).pairs;
      for (const limit of [1, 3, 4]) {
        const { pairs, pages } = await allPages(`sort=${sort}`, limit);
        expect(ids(pairs), `${sort} by ${limit}`).toEqual(ids(whole));
        expect(pages).toBe(Math.ceil(10 / limit));
      }
    }
    // Filters page the same way: the total is the filtered count on every page.
    const mentorId = run.result!.mentors[0]!.mentorApplicationId;
    const { pairs } = await allPages(`sort=mentee&mentor=${mentorId}`, 1);
    expect(pairs.length).toBe(run.result!.pairs.filter((p) => p.mentorApplicationId === mentorId).length);
    expect((await page(committee, `mentor=${mentorId}&limit=1`)).total).toBe(pairs.length);
  });

  it('searches names and filters by warnings, locked pairs and mentor', async () => {
    const pairs = run.result!.pairs;
    const someone = pairs[3]!;
    // Part of a mentee's name, in another case.
    const menteeWord = someone.menteeName.split(' ').at(-1)!;
    const byMentee = await page(committee, `q=${encodeURIComponent(menteeWord.toUpperCase())}`);
    const expected = pairs.filter(
      (p) => p.menteeName.toLowerCase().includes(menteeWord.toLowerCase()) || p.mentorName.toLowerCase().includes(menteeWord.toLowerCase()),
    );
    expect(ids(byMentee.pairs).sort()).toEqual(ids(expected).sort());
    expect(byMentee.total).toBe(expected.length);
    expect(byMentee.counts.all).toBe(10);
    // A mentor's name finds all their mentees.
    const byMentor = await page(committee, `q=${encodeURIComponent(someone.mentorName)}`);
    expect(ids(byMentor.pairs).sort()).toEqual(ids(pairs.filter((p) => p.mentorName === someone.mentorName)).sort());
    expect((await page(committee, 'q=nobody-by-this-name')).pairs).toEqual([]);

    const locked = await page(committee, 'locked=true');
    expect(locked.pairs).toHaveLength(1);
    expect(locked.pairs[0]).toMatchObject({ menteeApplicationId: pool.mentees[5]!.applicationId, locked: true });
    expect((await page(committee, 'locked=false')).total).toBe(10);

    const warned = await page(committee, 'warnings=true');
    expect(ids(warned.pairs).sort()).toEqual(ids(pairs.filter(hasAgainst)).sort());
    expect(warned.counts.warnings).toBe(warned.total);

    const mentorId = pool.mentors[2]!.applicationId;
    const mentees = await page(committee, `mentor=${mentorId}`);
    expect(mentees.pairs.length).toBeGreaterThan(0);
    expect(mentees.pairs.every((p) => p.mentorApplicationId === mentorId)).toBe(true);
    expect(mentees.total).toBe(pairs.filter((p) => p.mentorApplicationId === mentorId).length);

    // Filters combine.
    const both = await page(committee, `mentor=${mentorId}&locked=true`);
    expect(ids(both.pairs)).toEqual([pool.mentees[5]!.applicationId]);

    for (const bad of ['warnings=yes', 'mentor=abc', 'mentor=0', 'limit=0', 'limit=501', 'colour=blue']) {
      expect((await committee.get(`/api/matching-runs/${run.id}/pairs?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('answers 400 to a cursor it did not hand out, or one from another order', async () => {
    for (const after of ['not-a-cursor', 'abc$', encodeCursor(['x', 0] as unknown as [string, number])]) {
      const res = await committee.get(`/api/matching-runs/${run.id}/pairs?after=${encodeURIComponent(after)}`);
      expect(res.statusCode, after).toBe(400);
      expect(res.json()).toHaveProperty('code');
    }
    const mentorCursor = (await page(committee, 'sort=mentor&limit=2')).nextCursor!;
    const crossed = await committee.get(`/api/matching-runs/${run.id}/pairs?sort=score-asc&after=${mentorCursor}`);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().code).toBe('BAD_CURSOR');
  });

  it('shows a change by hand at once, and a cursor still continues after it', async () => {
    const periodB = await periodIn(ctx.deps);
    const poolB = await seedPool(ctx.deps, periodB, { mentees: 5, mentors: 3 });
    const runB = await runMatching(committee, ctx.deps, periodB);
    const url = `/api/matching-runs/${runB.id}/pairs`;
    const first = (await committee.get(`${url}?sort=mentee&limit=2`)).json() as RunPairsPage;
    expect(first.total).toBe(runB.result!.pairs.length);
    // Take out a mentee on the next page; the cursor still starts right after the rows already seen.
    const later = (await committee.get(`${url}?sort=mentee`)).json() as RunPairsPage;
    const moved = later.pairs[3]!;
    const res = await committee.post(`/api/matching-runs/${runB.id}/reassign`, {
      menteeApplicationId: moved.menteeApplicationId,
      mentorApplicationId: null,
      acceptWarnings: true,
      view: 'summary',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).not.toHaveProperty('pairs');
    expect(res.json().result.unmatched.map((u: { menteeApplicationId: number }) => u.menteeApplicationId)).toContain(
      moved.menteeApplicationId,
    );
    const next = (await committee.get(`${url}?sort=mentee&limit=50&after=${first.nextCursor}`)).json() as RunPairsPage;
    expect(ids(next.pairs)).toEqual(ids(later.pairs.slice(2)).filter((id) => id !== moved.menteeApplicationId));
    expect(next.total).toBe(runB.result!.pairs.length - 1);
    expect(next.counts.unmatched).toBe(runB.result!.unmatched.length + 1);
    expect(poolB.mentees).toHaveLength(5);
  });

  it('lets only those who may see the run see its pairs', async () => {
    const url = `/api/matching-runs/${run.id}/pairs`;
    for (const roles of [['mentee'], ['mentor'], ['taskforce'], []] as const) {
      const client = (await signedIn(ctx, [...roles])).client;
      const asRun = (await client.get(`/api/matching-runs/${run.id}`)).statusCode;
      expect(asRun).toBe(403);
      expect((await client.get(url)).statusCode, roles.join()).toBe(asRun);
    }
    const anonymous = new Client(ctx.app);
    expect((await anonymous.get(url)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/matching-runs/${run.id}`)).statusCode).toBe(401);
    expect((await committee.get('/api/matching-runs/999999/pairs')).statusCode).toBe(404);
    expect((await committee.get('/api/matching-runs/999999?view=summary')).statusCode).toBe(404);
  });
});
