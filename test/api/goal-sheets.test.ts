import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import type { Role } from '../../src/shared/roles.ts';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';

/** A goal with every part filled in; tests override what they are about. */
const sheetGoal = (o: Record<string, unknown> = {}) => ({
  title: 'Plan a summer reading kickoff',
  programGoalIds: [1, 3],
  activities: 'Shadow two storytimes; draft the plan together.',
  successMeasure: 'A written plan the branch manager approves.',
  targetDate: '2027-05-01',
  ...o,
});
/** A sheet the program office would accept. */
const completeSheet = (o: { goals?: number; cadence?: string; activities?: string; programGoalIds?: number[] } = {}) => ({
  goals: Array.from({ length: o.goals ?? 1 }, (_, i) =>
    sheetGoal({
      title: `Goal ${i + 1}: plan a summer reading kickoff`,
      ...(o.activities && { activities: o.activities }),
      ...(o.programGoalIds && { programGoalIds: o.programGoalIds }),
    }),
  ),
  communication: { channels: ['video', 'email'], cadence: o.cadence ?? 'A video call every other week' },
});

describeEachDialect('goal sheets', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;

  const clientFor = async (id: number) => {
    const c = new Client(ctx.app);
    await c.useSession(await startSession(ctx.deps, id));
    return c;
  };
  const newPerson = async (roles: Role[], name?: string) => {
    const p = await createPerson(ctx.deps, roles, name);
    return { ...p, client: await clientFor(p.id) };
  };
  /** A fresh match and signed-in clients for both of the pair. */
  const pair = async (names: { mentee?: string; mentor?: string } = {}) => {
    const mentee = await newPerson(['mentee'], names.mentee);
    const mentor = await newPerson(['mentor'], names.mentor);
    const match = await createTestMatch(ctx.deps, { periodId, mentorId: mentor.id, menteeId: mentee.id });
    return { match, mentee, mentor };
  };
  const url = (m: TestMatch, suffix = '') => `/api/matches/${m.id}/goal-sheet${suffix}`;
  const save = (c: Client, m: TestMatch, baseRevision: number, content: unknown) => c.request('PUT', url(m), { baseRevision, content });
  const sheetRow = (m: TestMatch) => ctx.deps.db.selectFrom('goal_sheets').selectAll().where('match_id', '=', m.id).executeTakeFirst();
  const versionCount = async (m: TestMatch) =>
    Number(
      (
        await ctx.deps.db
          .selectFrom('goal_sheet_versions as v')
          .innerJoin('goal_sheets as g', 'g.id', 'v.goal_sheet_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('g.match_id', '=', m.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const mailsTo = (address: string, kind: string) =>
    ctx.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', address).where('kind', '=', kind).orderBy('id', 'desc').execute();

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await clientFor(staffId);
    const created = await staff.post('/api/periods', { name: '2026–27', ...OPEN_DATES });
    periodId = created.json().id;
  });
  afterAll(() => ctx.close());

  describe('reading', () => {
    it('shows an empty draft to the pair and staff, with the dates, limits and program goals, and writes nothing', async () => {
      const { match, mentee, mentor } = await pair({ mentee: 'Mei Mentee', mentor: 'Mo Mentor' });
      const res = await mentee.client.get(url(match));
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      expect(view).toMatchObject({
        matchId: match.id,
        status: 'draft',
        revision: 0,
        content: { goals: [], communication: { channels: [], cadence: '' } },
        // Matched at 10:00 on 1 September in Chicago; due 30 days later.
        matchedOn: '2026-09-01',
        dueOn: '2026-10-01',
        programEndsOn: '2027-09-30',
        daysLeft: 30,
        onTime: null,
        overdue: false,
        viewer: 'mentee',
        canEdit: true,
        canSubmit: true,
        canReview: false,
        submitter: 'mentee',
        goalsMin: 1,
        goalsMax: 3,
        mentee: { name: 'Mei Mentee' },
        mentor: { name: 'Mo Mentor' },
        updatedAt: null,
      });
      expect(view.programGoals).toHaveLength(7);
      expect(view.programGoals[0]).toEqual({ id: 1, title: 'Grow early-career confidence', retired: false });

      expect((await mentor.client.get(url(match))).json()).toMatchObject({ viewer: 'mentor', canEdit: true, canSubmit: false });
      expect((await staff.get(url(match))).json()).toMatchObject({ viewer: 'staff', canEdit: false, canSubmit: false, canReview: false });
      expect(await sheetRow(match)).toBeUndefined();
    });

    it('is not found for anyone else: another mentee, the committee, the task force, or a match that does not exist', async () => {
      const { match } = await pair();
      for (const roles of [['mentee'], ['mentor'], ['committee'], ['taskforce']] as Role[][]) {
        const res = await (await newPerson(roles)).client.get(url(match));
        expect(res.statusCode, roles.join()).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
      expect((await staff.get('/api/matches/999999/goal-sheet')).statusCode).toBe(404);
      expect((await staff.get('/api/matches/99999999999/goal-sheet')).statusCode).toBe(400);
      expect((await new Client(ctx.app).get(url(match))).statusCode).toBe(401);
    });
  });

  describe('saving together', () => {
    it('creates the sheet on the first save, bumps the revision on each save and keeps every version', async () => {
      const { match, mentee, mentor } = await pair({ mentor: 'Mina Mentor' });
      const first = await save(mentee.client, match, 0, {
        goals: [sheetGoal({ title: 'Run a storytime', activities: '', successMeasure: '', targetDate: null })],
        communication: { channels: [], cadence: '' },
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({
        revision: 1,
        status: 'draft',
        content: { goals: [{ title: 'Run a storytime', targetDate: null }] },
      });

      const second = await save(mentor.client, match, 1, completeSheet());
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toMatchObject({ revision: 2, updatedByName: 'Mina Mentor', updatedAt: '2026-09-01T15:00:00.000Z' });
      expect((await mentee.client.get(url(match))).json().content).toEqual(completeSheet());

      const versions = (await mentee.client.get(url(match, '/versions'))).json().versions;
      expect(versions.map((v: { revision: number; event: string; actorName: string }) => [v.revision, v.event, v.actorName])).toEqual([
        [2, 'saved', 'Mina Mentor'],
        [1, 'saved', mentee.name],
      ]);
      expect(versions[1].content.goals[0].title).toBe('Run a storytime');
      expect((await staff.get(url(match, '/versions'))).statusCode).toBe(200);
      expect((await (await newPerson(['committee'])).client.get(url(match, '/versions'))).statusCode).toBe(404);
    });

    it('trims text and counts a program goal ticked twice once', async () => {
      const { match, mentee } = await pair();
      const res = await save(mentee.client, match, 0, {
        goals: [sheetGoal({ title: '  Padded  ', programGoalIds: [2, 2, 1] })],
        communication: { channels: ['email', 'email'], cadence: ' weekly ' },
      });
      expect(res.json().content).toEqual({
        goals: [sheetGoal({ title: 'Padded', programGoalIds: [2, 1] })],
        communication: { channels: ['email'], cadence: 'weekly' },
      });
    });

    it('tells staff they review rather than write (403), and anyone else that there is no such match', async () => {
      const { match } = await pair();
      const res = await save(staff, match, 0, completeSheet());
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'STAFF_REVIEW_ONLY', message: expect.stringMatching(/only the mentor and mentee/) });
      expect((await save((await newPerson(['mentor'])).client, match, 0, completeSheet())).statusCode).toBe(404);
      expect((await save((await newPerson(['committee'])).client, match, 0, completeSheet())).statusCode).toBe(404);
      expect(await sheetRow(match)).toBeUndefined();
    });

    it('refuses a save from an old revision with 409 and the current sheet, so nothing is lost', async () => {
      const { match, mentee, mentor } = await pair();
      await save(mentee.client, match, 0, completeSheet());
      await save(mentee.client, match, 1, completeSheet({ cadence: 'Weekly chats' }));
      const res = await save(mentor.client, match, 1, completeSheet({ cadence: 'Monthly calls' }));
      expect(res.statusCode).toBe(409);
      const body = res.json();
      expect(body.code).toBe('STALE_REVISION');
      expect(body.message).toMatch(/Your partner saved changes while you were editing/);
      expect(body.details.current).toMatchObject({
        revision: 2,
        viewer: 'mentor',
        content: { communication: { cadence: 'Weekly chats' } },
      });
      expect((await sheetRow(match))?.revision).toBe(2);
      expect(await versionCount(match)).toBe(2);
    });

    it('lets exactly one of two saves from the same revision win, for the first save and a later one', async () => {
      const { match, mentee, mentor } = await pair();
      const first = await Promise.all([
        save(mentee.client, match, 0, completeSheet({ cadence: 'mentee' })),
        save(mentor.client, match, 0, completeSheet({ cadence: 'mentor' })),
      ]);
      expect(first.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = first.find((r) => r.statusCode === 409);
      expect(loser?.json().code).toBe('STALE_REVISION');
      expect(loser?.json().details.current.revision).toBe(1);

      const later = await Promise.all([
        save(mentee.client, match, 1, completeSheet({ cadence: 'A' })),
        save(mentor.client, match, 1, completeSheet({ cadence: 'B' })),
      ]);
      expect(later.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = later.find((r) => r.statusCode === 200)?.json();
      expect((await sheetRow(match))?.revision).toBe(2);
      expect(JSON.parse((await sheetRow(match))?.content ?? '{}').communication.cadence).toBe(winner.content.communication.cadence);
      expect(await versionCount(match)).toBe(2);
    });

    it('refuses a fourth goal with a clear 422 and changes nothing', async () => {
      const { match, mentee } = await pair();
      await save(mentee.client, match, 0, completeSheet());
      const res = await save(mentee.client, match, 1, completeSheet({ goals: 4 }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'TOO_MANY_GOALS',
        message: 'A goal sheet can have at most 3 goals. Remove 1 goal and save again.',
        details: [{ path: 'goals' }],
      });
      expect((await sheetRow(match))?.revision).toBe(1);
      expect(await versionCount(match)).toBe(1);
    });

    it('refuses a goal tied to no program goal with a message that says so, and changes nothing', async () => {
      const { match, mentee } = await pair();
      const res = await save(mentee.client, match, 0, {
        goals: [sheetGoal({ programGoalIds: [] })],
        communication: { channels: [], cadence: '' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().details).toEqual([
        { path: 'content.goals.0.programGoalIds', message: 'Tie each goal to at least one program goal.' },
      ]);
      expect(res.json().message).toContain('Tie each goal to at least one program goal.');
      expect(await sheetRow(match)).toBeUndefined();
    });

    it('refuses program goals that do not exist, and dates that are not on the calendar (422)', async () => {
      const { match, mentee } = await pair();
      const unknown = await save(mentee.client, match, 0, {
        goals: [sheetGoal({ programGoalIds: [1, 999] })],
        communication: { channels: [], cadence: '' },
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_PROGRAM_GOAL', details: [{ path: 'goals.0.programGoalIds' }] });
      const badDate = await save(mentee.client, match, 0, {
        goals: [sheetGoal({ targetDate: '2027-02-30' })],
        communication: { channels: [], cadence: '' },
      });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json()).toMatchObject({ code: 'INVALID_DATE', details: [{ path: 'goals.0.targetDate' }] });
      expect(
        (await save(mentee.client, match, 0, { goals: [sheetGoal({ targetDate: 'soon' })], communication: { channels: [], cadence: '' } }))
          .statusCode,
      ).toBe(400);
      expect(await sheetRow(match)).toBeUndefined();
    });

    it('keeps a program goal retired after it was chosen, but does not offer it for new choices', async () => {
      const { match, mentee } = await pair();
      const added = await staff.post('/api/program-goals', { title: 'Short-lived goal' });
      const goalId = added.json().goals.find((g: { title: string }) => g.title === 'Short-lived goal').id;
      expect((await save(mentee.client, match, 0, completeSheet({ programGoalIds: [goalId] }))).statusCode).toBe(200);
      expect((await staff.patch(`/api/program-goals/${goalId}`, { retired: true })).statusCode).toBe(200);
      expect((await save(mentee.client, match, 1, completeSheet({ programGoalIds: [goalId], cadence: 'still fine' }))).statusCode).toBe(
        200,
      );
      const other = await pair();
      expect((await save(other.mentee.client, other.match, 0, completeSheet({ programGoalIds: [goalId] }))).json().code).toBe(
        'UNKNOWN_PROGRAM_GOAL',
      );
    });

    it('cannot be changed or sent once the match has ended, but can still be read', async () => {
      const { match, mentee } = await pair();
      await save(mentee.client, match, 0, completeSheet());
      await ctx.deps.db
        .updateTable('matches')
        .set({ status: 'ended', ended_at: '2026-09-01T15:00:00.000Z' })
        .where('id', '=', match.id)
        .execute();
      expect((await save(mentee.client, match, 1, completeSheet())).json().code).toBe('MATCH_ENDED');
      expect((await mentee.client.post(url(match, '/submit'), { revision: 1 })).json().code).toBe('MATCH_ENDED');
      expect((await mentee.client.get(url(match))).json()).toMatchObject({ matchStatus: 'ended', canEdit: false, canSubmit: false });
    });
  });

  describe('sending to the program office', () => {
    it('lists every problem of an incomplete sheet at its field', async () => {
      const { match, mentee } = await pair();
      await save(mentee.client, match, 0, {
        goals: [sheetGoal({ activities: '', targetDate: '2028-01-01' })],
        communication: { channels: [], cadence: '' },
      });
      const res = await mentee.client.post(url(match, '/submit'), { revision: 1 });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('INCOMPLETE_SHEET');
      expect(res.json().message).toMatch(/not ready to send yet: 4 things need your attention/);
      expect(res.json().details.map((d: { path: string }) => d.path)).toEqual([
        'goals.0.activities',
        'goals.0.targetDate',
        'communication.channels',
        'communication.cadence',
      ]);
      expect((await sheetRow(match))?.status).toBe('draft');
      // A sheet nobody started is incomplete too, not an error.
      const empty = await pair();
      const none = await empty.mentee.client.post(url(empty.match, '/submit'), { revision: 0 });
      expect(none.statusCode).toBe(422);
      expect(none.json().details[0]).toEqual({ path: 'goals', message: 'Add at least 1 goal before sending the sheet.' });
    });

    it('is for the mentee when the program says so, and for either of the pair when it says either', async () => {
      const { match, mentor, mentee } = await pair();
      await save(mentor.client, match, 0, completeSheet());
      const refused = await mentor.client.post(url(match, '/submit'), { revision: 1 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'ONLY_MENTEE_SUBMITS',
        message: expect.stringContaining(`${mentee.name} can send it from this page`),
      });
      expect((await staff.post(url(match, '/submit'), { revision: 1 })).json().code).toBe('STAFF_REVIEW_ONLY');
      expect((await (await newPerson(['mentee'])).client.post(url(match, '/submit'), { revision: 1 })).statusCode).toBe(404);

      expect((await staff.patch('/api/settings', { goalSheetSubmitter: 'either' })).statusCode).toBe(200);
      try {
        expect((await mentor.client.get(url(match))).json()).toMatchObject({ canSubmit: true, submitter: 'either' });
        const sent = await mentor.client.post(url(match, '/submit'), { revision: 1 });
        expect(sent.statusCode, sent.body).toBe(200);
        expect(sent.json()).toMatchObject({ status: 'submitted', submittedByName: mentor.name });
        const [toMentee] = await mailsTo(mentee.email, 'goal_sheet_submitted');
        expect(toMentee?.subject).toBe(`${mentor.name} sent your goal sheet to the program office`);
      } finally {
        await staff.patch('/api/settings', { goalSheetSubmitter: 'mentee' });
      }
    });

    it('goes submit → return (with a comment) → edit → resubmit → acknowledge, with mail, history and audit', async () => {
      const { match, mentee, mentor } = await pair({ mentee: 'Rosa Reyes', mentor: 'Sam Okafor' });
      await staff.patch('/api/settings', { goalSheetContact: { name: 'Dana Office', email: 'goalsheets@example.org' } });
      try {
        await save(mentee.client, match, 0, completeSheet());
        await save(mentor.client, match, 1, completeSheet({ cadence: 'Every other Tuesday, video' }));

        const stale = await mentee.client.post(url(match, '/submit'), { revision: 1 });
        expect(stale.statusCode).toBe(409);
        expect(stale.json()).toMatchObject({ code: 'STALE_REVISION', details: { current: { revision: 2 } } });

        const sent = await mentee.client.post(url(match, '/submit'), { revision: 2 });
        expect(sent.statusCode, sent.body).toBe(200);
        expect(sent.json()).toMatchObject({
          status: 'submitted',
          revision: 3,
          onTime: true,
          canEdit: false,
          submittedAt: '2026-09-01T15:00:00.000Z',
          firstSubmittedAt: '2026-09-01T15:00:00.000Z',
        });
        const [toMentor] = await mailsTo(mentor.email, 'goal_sheet_submitted');
        expect(toMentor?.subject).toBe('Rosa Reyes sent your goal sheet to the program office');
        expect(toMentor?.text_body).toContain(`/matches/${match.id}/goal-sheet`);
        const [toOffice] = await mailsTo('goalsheets@example.org', 'goal_sheet_arrived');
        expect(toOffice?.subject).toBe('Goal sheet received: Rosa Reyes and Sam Okafor');
        expect(toOffice?.text_body).toContain('arrived on time');

        expect((await save(mentor.client, match, 3, completeSheet())).json()).toMatchObject({
          code: 'SHEET_SUBMITTED',
          message: expect.stringMatching(/The program office has it now/),
        });
        expect((await mentee.client.post(url(match, '/submit'), { revision: 3 })).json().code).toBe('ALREADY_SUBMITTED');
        expect((await staff.get(url(match))).json()).toMatchObject({ canReview: true });

        // Only staff review; the comment is required to return.
        expect((await mentee.client.post(url(match, '/return'), { revision: 3, comment: 'x' })).statusCode).toBe(403);
        expect((await (await newPerson(['committee'])).client.post(url(match, '/acknowledge'), { revision: 3 })).statusCode).toBe(403);
        const noComment = await staff.post(url(match, '/return'), { revision: 3, comment: '   ' });
        expect(noComment.statusCode).toBe(400);
        expect(noComment.json().details[0]).toMatchObject({
          path: 'comment',
          message: 'Tell the pair what to change: the comment is sent to them.',
        });
        expect((await staff.post(url(match, '/return'), { revision: 3, comment: 'x'.repeat(2001) })).statusCode).toBe(400);
        expect((await staff.post(url(match, '/return'), { revision: 2, comment: 'Old' })).json().code).toBe('STALE_REVISION');

        const returned = await staff.post(url(match, '/return'), {
          revision: 3,
          comment: 'Please make goal 1 measurable: how many storytimes?',
        });
        expect(returned.statusCode, returned.body).toBe(200);
        expect(returned.json()).toMatchObject({
          status: 'returned',
          revision: 4,
          reviewComment: 'Please make goal 1 measurable: how many storytimes?',
          reviewedByName: 'Sam Staff',
        });
        for (const person of [mentee, mentor]) {
          const [mail] = await mailsTo(person.email, 'goal_sheet_returned');
          expect(mail?.text_body).toContain('Please make goal 1 measurable: how many storytimes?');
        }
        expect((await mentee.client.get(url(match))).json()).toMatchObject({ status: 'returned', canEdit: true, canSubmit: true });

        ctx.clock.advance(60_000);
        const edited = await save(mentor.client, match, 4, completeSheet({ activities: 'Run 6 storytimes together by March.' }));
        expect(edited.statusCode, edited.body).toBe(200);
        expect(edited.json()).toMatchObject({ status: 'returned', revision: 5 });
        const resent = await mentee.client.post(url(match, '/submit'), { revision: 5 });
        expect(resent.json()).toMatchObject({
          status: 'submitted',
          revision: 6,
          firstSubmittedAt: '2026-09-01T15:00:00.000Z',
          submittedAt: '2026-09-01T15:01:00.000Z',
          reviewedAt: null,
          reviewComment: null,
        });
        expect((await mailsTo('goalsheets@example.org', 'goal_sheet_arrived'))[0]?.subject).toBe(
          'Goal sheet sent again: Rosa Reyes and Sam Okafor',
        );

        const acknowledged = await staff.post(url(match, '/acknowledge'), { revision: 6 });
        expect(acknowledged.statusCode, acknowledged.body).toBe(200);
        expect(acknowledged.json()).toMatchObject({
          status: 'acknowledged',
          revision: 7,
          onTime: true,
          canEdit: false,
          canReview: false,
          reviewComment: null,
        });
        expect(await mailsTo(mentee.email, 'goal_sheet_acknowledged')).toHaveLength(1);
        expect(await mailsTo(mentor.email, 'goal_sheet_acknowledged')).toHaveLength(1);

        // Final: nobody changes or sends it again.
        expect((await save(mentee.client, match, 7, completeSheet())).json().code).toBe('SHEET_ACKNOWLEDGED');
        expect((await mentee.client.post(url(match, '/submit'), { revision: 7 })).json().code).toBe('SHEET_ACKNOWLEDGED');
        expect((await staff.post(url(match, '/acknowledge'), { revision: 7 })).json().code).toBe('SHEET_ACKNOWLEDGED');
        expect((await staff.post(url(match, '/return'), { revision: 7, comment: 'Too late' })).statusCode).toBe(409);

        const history = (await mentor.client.get(url(match, '/versions'))).json().versions;
        expect(history.map((v: { revision: number; event: string }) => `${v.revision} ${v.event}`)).toEqual([
          '7 acknowledged',
          '6 submitted',
          '5 saved',
          '4 returned',
          '3 submitted',
          '2 saved',
          '1 saved',
        ]);
        expect(history.find((v: { event: string }) => v.event === 'returned')).toMatchObject({
          actorName: 'Sam Staff',
          comment: 'Please make goal 1 measurable: how many storytimes?',
        });

        const audit = await ctx.deps.db
          .selectFrom('audit_log')
          .select(['action', 'details'])
          .where('entity_type', '=', 'goal_sheet')
          .orderBy('id')
          .execute();
        expect(audit.map((a) => a.action)).toEqual(['goal_sheet.returned', 'goal_sheet.acknowledged']);
      } finally {
        await staff.patch('/api/settings', { goalSheetContact: null });
      }
    });

    it('has nothing to review before the pair sends the sheet, and no such match for staff is 404', async () => {
      const { match, mentee } = await pair();
      expect((await staff.post(url(match, '/acknowledge'), { revision: 0 })).json().code).toBe('NOT_SUBMITTED');
      await save(mentee.client, match, 0, completeSheet());
      const res = await staff.post(url(match, '/return'), { revision: 1, comment: 'Hm' });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('NOT_SUBMITTED');
      expect((await staff.post('/api/matches/999999/goal-sheet/acknowledge', { revision: 1 })).statusCode).toBe(404);
    });
  });
});
