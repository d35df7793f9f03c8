import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { healthWorkerFor, INLINE_MAX_MATCHES } from '../../src/features/program-health/health-runner.ts';
import { getProgramHealth } from '../../src/features/program-health/program-health.service.ts';
import type { GoalSheetStatus } from '../../src/shared/api/goal-sheets.ts';
import { HEALTH_LIST_MAX, HEALTH_PAGE } from '../../src/shared/api/program-health.ts';
import type { Role } from '../../src/shared/roles.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { answersFor, periodIn } from './matching-fixtures.ts';

/** An active match made at `matchedAt`, straight in the database. */
const makeMatch = (deps: Deps, periodId: number, matchedAt: string) => createTestMatch(deps, { periodId, matchedAt });

const EMPTY_SHEET = '{"goals":[],"communication":{"channels":[],"cadence":""}}';

describeEachDialect('program health', (db) => {
  let ctx: TestContext;
  let staffId: number;

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const healthOf = async (periodId: number, query = '') => {
    const res = await (await as(staffId)).get(`/api/periods/${periodId}/health${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const sheet = (matchId: number, status: GoalSheetStatus, firstSubmittedAt: string | null = null) =>
    ctx.deps.db
      .insertInto('goal_sheets')
      .values({
        match_id: matchId,
        status,
        revision: 1,
        content: EMPTY_SHEET,
        updated_at: firstSubmittedAt ?? '2026-10-05T12:00:00.000Z',
        submitted_at: firstSubmittedAt,
        first_submitted_at: firstSubmittedAt,
        created_at: '2026-10-05T12:00:00.000Z',
      })
      .execute();
  const contact = (matchId: number, ...days: string[]) =>
    ctx.deps.db
      .insertInto('contacts')
      .values(
        days.map((occurred_on) => ({
          match_id: matchId,
          logged_by: null,
          occurred_on,
          channel: 'email',
          activity_id: null,
          note: '',
          created_at: '2026-10-05T12:00:00.000Z',
        })),
      )
      .execute();

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps); // the program runs on Chicago time
    staffId = (await createPerson(ctx.deps, ['staff'])).id;
  });
  afterAll(() => ctx.close());

  it('is for staff only, and says so plainly for a period that does not exist', async () => {
    const periodId = await periodIn(ctx.deps, 'active');
    const denied: Role[] = ['mentor', 'mentee', 'committee', 'taskforce'];
    for (const role of denied) {
      const person = await createPerson(ctx.deps, [role]);
      expect((await (await as(person.id)).get(`/api/periods/${periodId}/health`)).statusCode, role).toBe(403);
    }
    expect((await new Client(ctx.app).get(`/api/periods/${periodId}/health`)).statusCode).toBe(401);
    const staff = await as(staffId);
    expect((await staff.get('/api/periods/999999/health')).json()).toEqual({ code: 'NOT_FOUND', message: 'No such period.' });
    expect((await staff.get('/api/periods/first/health')).statusCode).toBe(400);
    // A period with no matches yet: nothing to chart, nothing to rank.
    const empty = await healthOf(periodId);
    expect(empty).toMatchObject({
      contactsPerWeek: [],
      matches: [],
      matchesWithoutConcerns: 0,
      totals: { activeMatches: 0, quietMatches: 0, overdueSheets: 0, needingAttention: 0 },
    });
  });

  it('ranks the matches that need attention, with reasons in words and ways to act', async () => {
    const periodId = await periodIn(ctx.deps, 'active');
    const oct1 = '2026-10-01T15:00:00.000Z';
    const a = await makeMatch(ctx.deps, periodId, oct1); // nothing at all: overdue, quiet, window closing
    const b = await makeMatch(ctx.deps, periodId, oct1); // sheet in, but one contact in 40 days as the window closes
    const c = await makeMatch(ctx.deps, periodId, '2026-10-20T15:00:00.000Z'); // three weeks without contact
    const d = await makeMatch(ctx.deps, periodId, '2026-10-15T15:00:00.000Z'); // sheet due in 4 days, still a draft
    const e = await makeMatch(ctx.deps, periodId, '2026-10-15T15:00:00.000Z'); // all well
    const f = await makeMatch(ctx.deps, periodId, oct1); // sent late, returned, not sent again
    const g = await makeMatch(ctx.deps, periodId, oct1); // window closing, but keeping in touch: no worry
    const ended = await makeMatch(ctx.deps, periodId, oct1);
    await ctx.deps.db
      .updateTable('matches')
      .set({ status: 'ended', ended_at: '2026-10-20T15:00:00.000Z' })
      .where('id', '=', ended.id)
      .execute();
    await sheet(b.id, 'acknowledged', '2026-10-20T14:00:00.000Z');
    await sheet(d.id, 'draft');
    await sheet(e.id, 'submitted', '2026-11-01T14:00:00.000Z');
    // Due 31 Oct; that day ended in Chicago at 05:00 UTC on 1 Nov.
    await sheet(f.id, 'returned', '2026-11-01T07:00:00.000Z');
    await contact(b.id, '2026-11-05');
    await contact(d.id, '2026-11-01');
    await contact(e.id, '2026-10-20', '2026-11-08');
    await contact(f.id, '2026-11-09');
    await sheet(g.id, 'acknowledged', '2026-10-25T14:00:00.000Z');
    await contact(g.id, '2026-10-03', '2026-10-18', '2026-11-02');

    ctx.clock.set('2026-11-10T18:00:00.000Z'); // noon on 10 November in Chicago
    const health = await healthOf(periodId);
    expect(health.today).toBe('2026-11-10');
    expect(health.timeZone).toBe('America/Chicago');
    expect(health.matches.map((m: { matchId: number; riskScore: number }) => [m.matchId, m.riskScore])).toEqual([
      [a.id, 129],
      [f.id, 45],
      [c.id, 30],
      [b.id, 15],
      [d.id, 13],
    ]);
    const first = health.matches[0];
    expect(first.reasons).toEqual([
      { code: 'goal_sheet_overdue', label: 'Goal sheet overdue', text: 'Goal sheet 10 days overdue' },
      { code: 'quiet', label: 'Quiet', text: 'No contact logged in the 5 weeks since the match' },
      {
        code: 'guarantee_closing',
        label: 'Re-match window closing',
        text: 'The re-match window closes in 5 days, with no contact logged since the match',
      },
    ]);
    const people = await ctx.deps.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', 'in', [a.menteeId, a.mentorId])
      .execute();
    const person = (id: number) => people.find((p) => p.id === id);
    expect(first).toMatchObject({
      matchedOn: '2026-10-01',
      mentee: { userId: a.menteeId, name: person(a.menteeId)?.name, email: person(a.menteeId)?.email },
      mentor: { userId: a.mentorId, name: person(a.mentorId)?.name, email: person(a.mentorId)?.email },
      goalSheet: { status: 'not_started', dueOn: '2026-10-31' },
      lastContactOn: null,
      guaranteeClosesOn: '2026-11-15',
      links: { goalSheet: `/matches/${a.id}/goal-sheet`, match: `/matches/${a.id}` },
    });
    expect(health.matches[1].reasons[0]).toEqual({
      code: 'goal_sheet_returned',
      label: 'Goal sheet returned',
      text: 'Goal sheet returned for changes and not sent again, 10 days after its due date',
    });
    expect(health.matches[4].reasons).toEqual([
      { code: 'goal_sheet_due_soon', label: 'Goal sheet due soon', text: 'Goal sheet due in 4 days' },
    ]);
    expect(health.matches[3].reasons).toEqual([
      {
        code: 'guarantee_closing',
        label: 'Re-match window closing',
        text: 'The re-match window closes in 5 days, with only 1 contact logged since the match',
      },
    ]);
    expect(health.matchesWithoutConcerns).toBe(2);
    expect(health.totals).toEqual({ activeMatches: 7, quietMatches: 2, overdueSheets: 1, needingAttention: 5 });
    expect(health.goalSheets).toEqual({ onTime: 3, late: 1, overdue: 1, notYetDue: 2, awaitingReview: 1, returned: 1, acknowledged: 2 });

    // A fresh contact takes a match off the quiet list.
    await contact(c.id, '2026-11-10');
    const after = await healthOf(periodId);
    expect(after.matches.map((m: { matchId: number }) => m.matchId)).not.toContain(c.id);
    expect(after.totals.quietMatches).toBe(1);
  });

  it(`lists the ${HEALTH_PAGE} most at risk unless asked for more, and counts every match that needs attention`, async () => {
    const periodId = await periodIn(ctx.deps, 'active');
    const MADE = HEALTH_PAGE + 5;
    // Made on 1 Oct with nothing since: every one overdue and quiet.
    for (let i = 0; i < MADE; i += 15)
      await Promise.all(Array.from({ length: Math.min(15, MADE - i) }, () => makeMatch(ctx.deps, periodId, '2026-10-01T15:00:00.000Z')));
    const first = await healthOf(periodId);
    expect(first.totals).toMatchObject({ activeMatches: MADE, needingAttention: MADE });
    expect(first.matches).toHaveLength(HEALTH_PAGE);
    expect(first.matchesWithoutConcerns).toBe(0);

    // "Show more" asks for a longer list: the same first rows, then the next ones.
    const more = await healthOf(periodId, `?limit=${HEALTH_PAGE + 3}`);
    expect(more.matches).toHaveLength(HEALTH_PAGE + 3);
    expect(more.matches.slice(0, HEALTH_PAGE)).toEqual(first.matches);
    expect(more.totals).toEqual(first.totals);
    expect((await healthOf(periodId, `?limit=${HEALTH_LIST_MAX}`)).matches).toHaveLength(MADE);

    const staff = await as(staffId);
    for (const limit of ['0', String(HEALTH_LIST_MAX + 1), 'lots', '2.5']) {
      const res = await staff.get(`/api/periods/${periodId}/health?limit=${limit}`);
      expect(res.statusCode, limit).toBe(400);
      expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  }, 60_000);

  it('judges a goal sheet on time until its due day ends in the program time zone', async () => {
    // Matched 2 Oct in Chicago: due 1 Nov, the day clocks fall back, which ends at 06:00 UTC on 2 Nov.
    const periodId = await periodIn(ctx.deps, 'active');
    const matchedAt = '2026-10-02T15:00:00.000Z';
    const onTime = await makeMatch(ctx.deps, periodId, matchedAt);
    const late = await makeMatch(ctx.deps, periodId, matchedAt);
    const missing = await makeMatch(ctx.deps, periodId, matchedAt);
    await sheet(onTime.id, 'submitted', '2026-11-02T05:59:59.999Z');
    await sheet(late.id, 'acknowledged', '2026-11-02T06:00:00.000Z');
    await sheet(missing.id, 'draft');
    for (const m of [onTime, late, missing]) await contact(m.id, '2026-11-01');

    ctx.clock.set('2026-11-02T05:59:00.000Z');
    let health = await healthOf(periodId);
    expect(health.goalSheets).toMatchObject({ onTime: 1, late: 1, overdue: 0, notYetDue: 1 });
    expect(health.totals.overdueSheets).toBe(0);
    ctx.clock.set('2026-11-02T06:00:00.000Z');
    health = await healthOf(periodId);
    expect(health.goalSheets).toMatchObject({ onTime: 1, late: 1, overdue: 1, notYetDue: 0, awaitingReview: 1, acknowledged: 1 });
    expect(health.totals.overdueSheets).toBe(1);
    expect(health.matches.map((m: { matchId: number }) => m.matchId)).toEqual([missing.id]);
  });

  it('counts contacts per week, Monday to Sunday, from the first match to today, across the clock change', async () => {
    const periodId = await periodIn(ctx.deps, 'active');
    // 04:00 UTC on 20 Oct is still 19 Oct (a Monday) in Chicago: the chart starts that week.
    const one = await makeMatch(ctx.deps, periodId, '2026-10-20T04:00:00.000Z');
    const two = await makeMatch(ctx.deps, periodId, '2026-10-28T15:00:00.000Z');
    await contact(one.id, '2026-10-19', '2026-10-25', '2026-11-01', '2026-11-01', '2026-11-02');
    await contact(two.id, '2026-11-01', '2026-11-10', '2026-11-13');
    ctx.clock.set('2026-11-13T04:00:00.000Z'); // Thursday evening, 12 Nov, in Chicago
    const health = await healthOf(periodId);
    expect(health.contactsPerWeek).toEqual([
      { weekStart: '2026-10-19', contacts: 2, matches: 1 },
      // The week with the 25-hour Sunday (1 Nov) when Chicago falls back.
      { weekStart: '2026-10-26', contacts: 3, matches: 2 },
      { weekStart: '2026-11-02', contacts: 1, matches: 1 },
      // The contact dated 13 Nov is tomorrow in Chicago: not counted yet.
      { weekStart: '2026-11-09', contacts: 1, matches: 1 },
    ]);
  });

  describe('at scale', () => {
    const MATCHES = 2000;

    /** Rows written in chunks, straight to the tables: 2,000 matches through the API would take minutes. */
    async function bulkPeriod(): Promise<number> {
      const periodId = await periodIn(ctx.deps, 'active');
      const at = '2026-09-20T15:00:00.000Z';
      const d = ctx.deps.db;
      const chunk = 200;
      for (let start = 0; start < MATCHES; start += chunk) {
        const n = Math.min(chunk, MATCHES - start);
        const users = await d
          .insertInto('users')
          .values(
            Array.from({ length: 2 * n }, (_, k) => ({
              email: `bulk.${periodId}.${start}.${k}@example.org`,
              name: `Bulk Person ${start + k}`,
              password_hash: null,
              created_at: at,
              updated_at: at,
            })),
          )
          .returning(['id', 'email'])
          .execute();
        const idOf = new Map(users.map((u) => [u.email, u.id]));
        const userId = (k: number) => idOf.get(`bulk.${periodId}.${start}.${k}@example.org`) as number;
        const application = (k: number, role: 'mentor' | 'mentee') => {
          const a = answersFor(role, k);
          return {
            period_id: periodId,
            user_id: userId(k),
            role,
            status: 'accepted' as const,
            phone: a.phone,
            job_title: a.jobTitle,
            employer: a.employer,
            workplace_type: a.workplaceType,
            years_experience: a.yearsExperience,
            career_stage: a.careerStage,
            region: a.region,
            country: 'US',
            time_zone: a.timeZone,
            interests: JSON.stringify(a.interests),
            program_goal_ids: JSON.stringify(a.programGoalIds),
            channels: JSON.stringify(a.channels),
            meet_in_person: 0,
            languages: '["English"]',
            hopes: '',
            eligibility_answers: '{}',
            confidential: '{}',
            capacity: 1,
            decision_reason: null,
            carry_forward: 0,
            carried_from_id: null,
            created_at: at,
            updated_at: at,
          };
        };
        const apps = await d
          .insertInto('applications')
          .values(Array.from({ length: 2 * n }, (_, k) => application(k, k % 2 === 0 ? 'mentor' : 'mentee')))
          .returning(['id', 'user_id'])
          .execute();
        const appOf = new Map(apps.map((x) => [x.user_id, x.id]));
        // Matches a day apart, so sheets fall on every side of their deadlines.
        const matches = await d
          .insertInto('matches')
          .values(
            Array.from({ length: n }, (_, i) => ({
              period_id: periodId,
              mentor_user_id: userId(2 * i),
              mentee_user_id: userId(2 * i + 1),
              mentor_application_id: appOf.get(userId(2 * i)) as number,
              mentee_application_id: appOf.get(userId(2 * i + 1)) as number,
              matching_run_id: null,
              score: 0.5,
              explanation: '',
              status: 'active',
              matched_at: new Date(Date.parse(at) + ((start + i) % 45) * 86_400_000).toISOString(),
              ended_at: null,
            })),
          )
          .returning('id')
          .execute();
        const states = ['draft', 'submitted', 'returned', 'acknowledged', null] as const;
        const sheets = matches.flatMap((m, i) => {
          const status = states[(start + i) % states.length] ?? null;
          return status === null
            ? []
            : [
                {
                  match_id: m.id,
                  status,
                  revision: 1,
                  content: EMPTY_SHEET,
                  updated_at: at,
                  submitted_at: status === 'draft' ? null : '2026-10-15T15:00:00.000Z',
                  first_submitted_at: status === 'draft' ? null : '2026-10-15T15:00:00.000Z',
                  created_at: at,
                },
              ];
        });
        if (sheets.length > 0) await d.insertInto('goal_sheets').values(sheets).execute();
        const contacts = matches.flatMap((m, i) =>
          Array.from({ length: (start + i) % 4 }, (_, j) => ({
            match_id: m.id,
            logged_by: null,
            occurred_on: `2026-10-${String(10 + 5 * j + (i % 5)).padStart(2, '0')}`,
            channel: 'video' as const,
            activity_id: null,
            note: '',
            created_at: at,
          })),
        );
        if (contacts.length > 0) await d.insertInto('contacts').values(contacts).execute();
      }
      return periodId;
    }

    it(`answers for ${MATCHES} matches in one request, worked out in a worker thread, the same as on the server's own`, async () => {
      expect(MATCHES).toBeGreaterThan(INLINE_MAX_MATCHES);
      const periodId = await bulkPeriod();
      ctx.clock.set('2026-11-10T18:00:00.000Z');
      const health = await healthOf(periodId, `?limit=${HEALTH_LIST_MAX}`);
      expect(health.totals.activeMatches).toBe(MATCHES);
      expect(health.totals.needingAttention + health.matchesWithoutConcerns).toBe(MATCHES);
      expect(health.matches).toHaveLength(Math.min(HEALTH_LIST_MAX, health.totals.needingAttention));
      const g = health.goalSheets;
      expect(g.onTime + g.late + g.overdue + g.notYetDue).toBe(MATCHES);
      const scores = health.matches.map((m: { riskScore: number }) => m.riskScore);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      expect(health.contactsPerWeek.reduce((sum: number, w: { contacts: number }) => sum + w.contacts, 0)).toBe(3 * (MATCHES / 4) * 2);

      // Counting the statements each way sends on the server's connection (a Kysely with a plugin
      // keeps no answers, so each call works it out again).
      let queries = 0;
      const counting: KyselyPlugin = {
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const db = ctx.deps.db.withPlugin(counting);
      // In a worker: the server's connection only counts the matches.
      const inWorker = await getProgramHealth({ db, clock: ctx.clock }, periodId, HEALTH_LIST_MAX, { worker: healthWorkerFor(ctx.deps) });
      expect(queries).toBe(1);
      expect(inWorker).toEqual(health);
      // Here, for comparison: the same answer, and no query per match.
      queries = 0;
      const here = await getProgramHealth({ db, clock: ctx.clock }, periodId, HEALTH_LIST_MAX);
      expect(here).toEqual(health);
      // Period, settings, matches, open re-match requests, "let's talk" answers, contacts per day,
      // and the events held (the events, their answers, whether attendance was taken).
      expect(queries).toBeLessThanOrEqual(9);
    });
  });
});
