// Issue #10: a mentee has at most one active match at a time, and a mentor's capacity counts
// every active match across periods. Review warns, matching leaves out or limits, approval refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { insertApplication } from '../../src/features/applications/applications.service.ts';
import type { MatchingRun } from '../../src/shared/api/matching.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { addApplicant, answersFor, periodIn, runMatching } from './matching-fixtures.ts';
import type { Applicant } from './matching-fixtures.ts';

describeEachDialect('one match at a time', (db) => {
  let ctx: TestContext;
  let committee: Client;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    committee = (await signedIn(ctx, ['committee'])).client;
    staff = (await signedIn(ctx, ['staff'])).client;
  });
  afterAll(() => ctx.close());

  const periodName = async (id: number): Promise<string> =>
    (await ctx.deps.db.selectFrom('periods').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

  /** The same person applying again, in another period (an accepted application by default). */
  const reapply = async (person: Applicant, periodId: number, k: number, capacity?: number): Promise<Applicant> => {
    const answers = answersFor(person.role, k, capacity === undefined ? {} : { capacity });
    const applicationId = await insertApplication(ctx.deps.db, {
      periodId,
      userId: person.userId,
      role: person.role,
      answers,
      status: 'accepted',
      at: ctx.clock.now().toISOString(),
    });
    return { ...person, applicationId, answers };
  };

  const activeMatches = (userId: number, side: 'mentor' | 'mentee') =>
    ctx.deps.db
      .selectFrom('matches')
      .select(['id', 'period_id'])
      .where('status', '=', 'active')
      .where(side === 'mentor' ? 'mentor_user_id' : 'mentee_user_id', '=', userId)
      .execute();

  const approve = (client: Client, run: MatchingRun) => client.post(`/api/matching-runs/${run.id}/approve`);

  /** A pool with the given mentors (capacity each) and mentees, run and approved: the "fall cohort". */
  async function matchedCohort(mentorCapacities: number[], mentees: number) {
    const periodId = await periodIn(ctx.deps);
    const mentors = [];
    for (const [k, capacity] of mentorCapacities.entries())
      mentors.push(await addApplicant(ctx.deps, periodId, 'mentor', answersFor('mentor', k, { capacity })));
    const menteeList = [];
    for (let k = 0; k < mentees; k++) menteeList.push(await addApplicant(ctx.deps, periodId, 'mentee', answersFor('mentee', k)));
    const run = await runMatching(committee, ctx.deps, periodId);
    expect(run.result!.summary.matched).toBe(mentees);
    expect((await approve(committee, run)).statusCode).toBe(200);
    return { periodId, mentors, mentees: menteeList };
  }

  it('leaves a mentee already matched out of the next run, and gives her mentor only the places left', async () => {
    // As in the demo: the fall mentee and her mentor (capacity 3, two fall mentees) are accepted again.
    const fall = await matchedCohort([3], 2);
    const fallName = await periodName(fall.periodId);
    const [amara] = fall.mentees;
    const [margaret] = fall.mentors;

    const next = await periodIn(ctx.deps);
    const amaraAgain = await reapply(amara!, next, 5);
    const margaretAgain = await reapply(margaret!, next, 0, 3);
    const other = await addApplicant(ctx.deps, next, 'mentor', answersFor('mentor', 1, { capacity: 3 }));
    const newcomers = [];
    for (let k = 6; k < 10; k++) newcomers.push(await addApplicant(ctx.deps, next, 'mentee', answersFor('mentee', k)));

    const workspace = (await committee.get(`/api/periods/${next}/matching`)).json();
    expect(workspace.pool).toMatchObject({ mentees: 5, mentors: 2, mentorPlaces: 1 + 3 });

    const run = await runMatching(committee, ctx.deps, next);
    const result = run.result!;
    expect(result.pairs.map((p) => p.menteeApplicationId)).not.toContain(amaraAgain.applicationId);
    expect(result.unmatched).toContainEqual({
      menteeApplicationId: amaraAgain.applicationId,
      menteeName: amara!.name,
      reason: 'already-matched',
      explanation: `already has a mentor in an active match (${fallName}); a mentee has one match at a time`,
    });
    expect(result.mentors.find((m) => m.mentorApplicationId === margaretAgain.applicationId)).toMatchObject({ capacity: 1 });
    expect(result.pairs.filter((p) => p.mentorApplicationId === margaretAgain.applicationId).length).toBeLessThanOrEqual(1);
    expect(result.pairs.filter((p) => p.mentorApplicationId === other.applicationId).length).toBeLessThanOrEqual(3);
    expect(result.summary).toMatchObject({ matched: 4, unmatched: 1 });
    expect(result.notes).toContainEqual(
      `${margaret!.name} has 1 of 3 places left in this run; the others are taken by 2 active matches in ${fallName}.`,
    );

    expect((await approve(committee, run)).statusCode).toBe(200);
    expect(await activeMatches(amara!.userId, 'mentee')).toEqual([expect.objectContaining({ period_id: fall.periodId })]);
    expect((await activeMatches(margaret!.userId, 'mentor')).length).toBeLessThanOrEqual(3);
  });

  it('gives a mentor whose active matches fill every place no mentee, and sets aside a lock on a matched mentee', async () => {
    const fall = await matchedCohort([1], 1);
    const next = await periodIn(ctx.deps);
    const mentee = await reapply(fall.mentees[0]!, next, 3);
    const mentor = await reapply(fall.mentors[0]!, next, 0, 1);
    const fresh = await addApplicant(ctx.deps, next, 'mentee', answersFor('mentee', 4));
    const locked = await committee.post(`/api/periods/${next}/pair-rules`, {
      kind: 'lock',
      menteeApplicationId: mentee.applicationId,
      mentorApplicationId: mentor.applicationId,
    });
    expect(locked.statusCode).toBe(201);

    const run = await runMatching(committee, ctx.deps, next);
    expect(run.status).toBe('done');
    expect(run.result!.pairs).toEqual([]);
    expect(run.result!.unmatched.map((u) => [u.menteeApplicationId, u.reason])).toEqual([
      [fresh.applicationId, 'no-eligible-mentor'],
      [mentee.applicationId, 'already-matched'],
    ]);
    expect(run.result!.mentors).toEqual([expect.objectContaining({ mentorApplicationId: mentor.applicationId, capacity: 0 })]);
    expect(run.result!.notes).toEqual([
      expect.stringMatching(new RegExp(`^${fall.mentors[0]!.name} takes no mentee in this run: their place is taken by 1 active match`)),
      `The lock on ${mentee.name} and ${mentor.name} was set aside: ${mentee.name} already has a mentor in an active match.`,
    ]);
  });

  describe('double booking refused', () => {
    it('refuses to approve a proposal that gives a mentee a second mentor, and writes nothing', async () => {
      // Two periods matched side by side, before either was approved: both proposals pair Gabriel.
      const first = await periodIn(ctx.deps);
      const second = await periodIn(ctx.deps);
      const gabriel = await addApplicant(ctx.deps, first, 'mentee', answersFor('mentee', 0));
      await addApplicant(ctx.deps, first, 'mentor', answersFor('mentor', 0, { capacity: 1 }));
      const gabrielAgain = await reapply(gabriel, second, 0);
      await addApplicant(ctx.deps, second, 'mentor', answersFor('mentor', 1, { capacity: 2 }));
      await addApplicant(ctx.deps, second, 'mentee', answersFor('mentee', 1));
      const firstRun = await runMatching(committee, ctx.deps, first);
      const secondRun = await runMatching(committee, ctx.deps, second);
      expect(secondRun.result!.pairs.map((p) => p.menteeApplicationId)).toContain(gabrielAgain.applicationId);

      expect((await approve(committee, firstRun)).statusCode).toBe(200);
      expect((await committee.get(`/api/matching-runs/${secondRun.id}`)).json().stale).toBe(true);
      const outboxBefore = (await ctx.deps.db.selectFrom('outbox').select('id').execute()).length;
      const auditBefore = (await ctx.deps.db.selectFrom('audit_log').select('id').execute()).length;

      const res = await approve(committee, secondRun);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'DOUBLE_BOOKING',
        message: expect.stringContaining(`${gabriel.name} already has a mentor in an active match (${await periodName(first)})`),
        details: [{ path: `applications.${gabrielAgain.applicationId}`, message: expect.stringContaining(gabriel.name) }],
      });
      expect(await ctx.deps.db.selectFrom('matches').select('id').where('period_id', '=', second).execute()).toEqual([]);
      expect(await activeMatches(gabriel.userId, 'mentee')).toHaveLength(1);
      expect((await ctx.deps.db.selectFrom('outbox').select('id').execute()).length).toBe(outboxBefore);
      expect((await ctx.deps.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
      expect((await staff.get(`/api/periods/${second}`)).json().status).toBe('matching');
      expect((await committee.get(`/api/matching-runs/${secondRun.id}`)).json().status).toBe('done');
      const statuses = await ctx.deps.db.selectFrom('applications').select('status').distinct().where('period_id', '=', second).execute();
      expect(statuses).toEqual([{ status: 'accepted' }]);

      // A fresh run leaves him out, and can be approved.
      const fresh = await runMatching(committee, ctx.deps, second);
      expect(fresh.result!.unmatched).toContainEqual(
        expect.objectContaining({ menteeApplicationId: gabrielAgain.applicationId, reason: 'already-matched' }),
      );
      expect((await approve(committee, fresh)).statusCode).toBe(200);
      expect(await activeMatches(gabriel.userId, 'mentee')).toHaveLength(1);
    });

    it('refuses to approve a proposal that takes a mentor over capacity counting every active match', async () => {
      const first = await periodIn(ctx.deps);
      const second = await periodIn(ctx.deps);
      const hana = await addApplicant(ctx.deps, first, 'mentor', answersFor('mentor', 0, { capacity: 2 }));
      for (const k of [0, 1]) await addApplicant(ctx.deps, first, 'mentee', answersFor('mentee', k));
      const hanaAgain = await reapply(hana, second, 0, 2);
      for (const k of [2, 3]) await addApplicant(ctx.deps, second, 'mentee', answersFor('mentee', k));
      const firstRun = await runMatching(committee, ctx.deps, first);
      const secondRun = await runMatching(committee, ctx.deps, second);
      expect(secondRun.result!.summary.matched).toBe(2);

      expect((await approve(committee, firstRun)).statusCode).toBe(200);
      const res = await approve(committee, secondRun);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'DOUBLE_BOOKING',
        message: expect.stringContaining(`${hana.name} takes 2 mentees and already has 2 active matches`),
        details: [{ path: `applications.${hanaAgain.applicationId}` }],
      });
      expect(await activeMatches(hana.userId, 'mentor')).toHaveLength(2);
      expect(await ctx.deps.db.selectFrom('matches').select('id').where('period_id', '=', second).execute()).toEqual([]);
    });

    it('lets only one of two simultaneous approvals that share a mentee go through', async () => {
      const first = await periodIn(ctx.deps);
      const second = await periodIn(ctx.deps);
      const isaac = await addApplicant(ctx.deps, first, 'mentee', answersFor('mentee', 0));
      await addApplicant(ctx.deps, first, 'mentor', answersFor('mentor', 0, { capacity: 1 }));
      await reapply(isaac, second, 0);
      await addApplicant(ctx.deps, second, 'mentor', answersFor('mentor', 1, { capacity: 1 }));
      const runs = [await runMatching(committee, ctx.deps, first), await runMatching(committee, ctx.deps, second)];
      const results = await Promise.all([approve(committee, runs[0]!), approve(staff, runs[1]!)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('DOUBLE_BOOKING');
      expect(await activeMatches(isaac.userId, 'mentee')).toHaveLength(1);
    });

    it('refuses to pair a matched mentee by hand, even with the warnings accepted', async () => {
      const fall = await matchedCohort([1], 1);
      const next = await periodIn(ctx.deps);
      const mentee = await reapply(fall.mentees[0]!, next, 2);
      const mentor = await addApplicant(ctx.deps, next, 'mentor', answersFor('mentor', 2, { capacity: 2 }));
      const run = await runMatching(committee, ctx.deps, next);
      expect(run.result!.unmatched).toEqual([
        expect.objectContaining({ menteeApplicationId: mentee.applicationId, reason: 'already-matched' }),
      ]);

      const preview = (
        await committee.get(
          `/api/matching-runs/${run.id}/pair-preview?menteeApplicationId=${mentee.applicationId}&mentorApplicationId=${mentor.applicationId}`,
        )
      ).json();
      expect(preview.warnings).toContainEqual({
        code: 'ALREADY_MATCHED',
        message: expect.stringContaining('Approval refuses a second one'),
      });
      const moved = await committee.post(`/api/matching-runs/${run.id}/reassign`, {
        menteeApplicationId: mentee.applicationId,
        mentorApplicationId: mentor.applicationId,
        acceptWarnings: true,
      });
      expect(moved.statusCode).toBe(409);
      expect(moved.json()).toMatchObject({ code: 'DOUBLE_BOOKING', message: expect.stringContaining(mentee.name) });
      expect((await committee.get(`/api/matching-runs/${run.id}`)).json().result).toEqual(run.result);
    });
  });

  it('shows reviewers that an applicant is already in an active match, and nobody else', async () => {
    const fall = await matchedCohort([2], 1);
    const fallName = await periodName(fall.periodId);
    const next = await periodIn(ctx.deps, 'applications_open');
    const mentee = await reapply(fall.mentees[0]!, next, 1);
    const mentor = await reapply(fall.mentors[0]!, next, 0, 2);
    const newcomer = await addApplicant(ctx.deps, next, 'mentee', answersFor('mentee', 2));

    const view = (id: number) => staff.get(`/api/applications/${id}`).then((r) => r.json());
    expect((await view(mentee.applicationId)).activeMatches).toEqual([{ periodId: fall.periodId, periodName: fallName, matches: 1 }]);
    expect((await view(mentor.applicationId)).activeMatches).toEqual([{ periodId: fall.periodId, periodName: fallName, matches: 1 }]);
    expect((await view(newcomer.applicationId)).activeMatches).toEqual([]);
    const list = (await committee.get(`/api/periods/${next}/applications`)).json();
    const listed = new Map(list.applications.map((a: { id: number; activeMatches: unknown }) => [a.id, a.activeMatches]));
    expect(listed.get(mentee.applicationId)).toEqual([{ periodId: fall.periodId, periodName: fallName, matches: 1 }]);
    expect(listed.get(newcomer.applicationId)).toEqual([]);

    // A decision answers with the same view, so the warning stays on the page.
    const decided = await staff.post(`/api/applications/${newcomer.applicationId}/decision`, { decision: 'waitlisted', reason: '' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().activeMatches).toEqual([]);

    // The applicant's own view carries no review warnings.
    const own = new Client(ctx.app);
    await own.useSession(await startSession(ctx.deps, mentee.userId));
    const mine = await own.get(`/api/applications/${mentee.applicationId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).not.toHaveProperty('activeMatches');
  });
});
