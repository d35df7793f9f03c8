import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import type { JobRunner } from '../../src/features/jobs/job-runner.ts';
import type { Question } from '../../src/shared/api/surveys.ts';
import { surveyQuestion } from '../fixtures/survey-question.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';
import { PEOPLE_PER_JOB } from '../../src/features/jobs/jobs.service.ts';

// The period's survey window is 1–21 August 2027 (matching-fixtures DATES); 10:00 in Chicago.
const NOW = '2027-08-02T15:00:00.000Z';

const q = (over: Partial<Question> & Pick<Question, 'id' | 'kind' | 'text'>): Question => surveyQuestion(over);

const LIKERT = ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'];
const QUESTIONS: Question[] = [
  q({ id: 'score', kind: 'likert', text: 'How was your year?', required: true, options: LIKERT, section: 'Overall' }),
  q({ id: 'pick', kind: 'single', text: 'Would you take part again?', required: true, options: ['Yes', 'No', 'Not sure'] }),
  q({ id: 'ways', kind: 'multiple', text: 'How did you keep in touch?', options: ['Phone', 'E-mail', 'Video'] }),
  q({ id: 'note', kind: 'short-text', text: 'One thing to change' }),
  q({ id: 'hours', kind: 'number', text: 'Hours a month', audience: 'mentor', required: true, min: 0, max: 100 }),
  q({ id: 'secret', kind: 'number', text: 'A number only you know', min: 0, max: 1_000_000 }),
];

describeEachDialect('surveys', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let periodId: number;

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const drain = async (runner: JobRunner) => {
    for (let empty = 0; empty < 2;) {
      const report = await runner.runOnce();
      empty = report.claimed === 0 ? empty + 1 : 0;
    }
  };
  const runJobs = () => drain(createJobRunner(ctx.deps, { workerId: 'test' }));
  const emailOf = async (userId: number) =>
    (await ctx.deps.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
  const mailsTo = async (userId: number, kind: string) =>
    ctx.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', await emailOf(userId))
      .where('kind', '=', kind)
      .execute();
  const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

  /** A check-in with the test questions, published (open today) unless told otherwise. */
  const newSurvey = async (o: { publish?: boolean; named?: boolean; period?: number } = {}) => {
    const created = await staff.post('/api/surveys', { periodId: o.period ?? periodId, kind: 'check-in' });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    const patched = await staff.patch(`/api/surveys/${id}`, { questions: QUESTIONS, named: o.named ?? false, title: `Check-in ${id}` });
    expect(patched.statusCode, patched.body).toBe(200);
    if (o.publish !== false) expect((await staff.post(`/api/surveys/${id}/publish`)).statusCode).toBe(200);
    return id;
  };
  const snapshot = async () => ({
    surveys: await ctx.deps.db.selectFrom('surveys').selectAll().orderBy('id').execute(),
    invitations: await ctx.deps.db.selectFrom('survey_invitations').selectAll().orderBy('id').execute(),
    drafts: await ctx.deps.db.selectFrom('survey_drafts').selectAll().orderBy('invitation_id').execute(),
    responses: await ctx.deps.db.selectFrom('survey_responses').select('id').orderBy('id').execute(),
  });
  const answer = (over: Record<string, unknown> = {}) => ({ answers: { score: 4, pick: 'Yes', ...over } });

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    ctx.clock.set(NOW);
    staff = await as(staffId);
    periodId = await periodIn(ctx.deps, 'active');
  });
  afterAll(() => ctx.close());

  describe('building and scheduling', () => {
    let match: Awaited<ReturnType<typeof createTestMatch>>;

    it('a new wrap-up survey is a draft with the default questions inside the period window; nobody is invited yet', async () => {
      match = await createTestMatch(ctx.deps, { periodId, names: ['Wanda Mentor', 'Will Mentee'] });
      const res = await staff.post('/api/surveys', { periodId, kind: 'wrap-up' });
      expect(res.statusCode, res.body).toBe(201);
      const survey = res.json();
      expect(survey).toMatchObject({
        kind: 'wrap-up',
        state: 'draft',
        named: false,
        opensOn: '2027-08-01',
        closesOn: '2027-08-21',
        invited: 0,
      });
      expect(survey.questions.length).toBeGreaterThan(10);
      expect(survey.questions.some((x: Question) => x.audience === 'mentor')).toBe(true);
      const mentee = await as(match.menteeId);
      expect((await mentee.get('/api/surveys')).json().surveys).toEqual([]);
      expect((await mentee.get(`/api/surveys/${survey.id}/form`)).statusCode).toBe(404);
      expect((await mentee.get(`/api/surveys/${survey.id}`)).statusCode).toBe(403);
      expect((await staff.request('DELETE', `/api/surveys/${survey.id}`)).statusCode).toBe(200);
    });

    it('refuses a wrap-up survey outside the period survey window and a closing date before the opening, changing nothing', async () => {
      const created = (await staff.post('/api/surveys', { periodId, kind: 'wrap-up' })).json();
      const before = await snapshot();
      const outside = await staff.patch(`/api/surveys/${created.id}`, { opensOn: '2027-07-20' });
      expect(outside.statusCode).toBe(422);
      expect(outside.json()).toMatchObject({ code: 'SURVEY_DATES', details: [{ path: 'opensOn' }] });
      const backwards = await staff.patch(`/api/surveys/${created.id}`, { opensOn: '2027-08-10', closesOn: '2027-08-05' });
      expect(backwards.statusCode).toBe(422);
      const badQuestion = await staff.patch(`/api/surveys/${created.id}`, {
        questions: [q({ id: 'x', kind: 'likert', text: 'Scale', options: ['Low', 'High'] })],
      });
      expect(badQuestion.json()).toMatchObject({ code: 'SURVEY_QUESTIONS', details: [{ path: 'questions.0.options' }] });
      expect(await snapshot()).toEqual(before);
      // A check-in may run on any dates, even beyond the window.
      const checkIn = (await staff.post('/api/surveys', { periodId, kind: 'check-in' })).json();
      expect(checkIn).toMatchObject({ opensOn: '2027-08-02', closesOn: '2027-08-16' });
      expect((await staff.patch(`/api/surveys/${checkIn.id}`, { closesOn: '2027-09-30' })).statusCode).toBe(200);
      await staff.request('DELETE', `/api/surveys/${created.id}`);
      await staff.request('DELETE', `/api/surveys/${checkIn.id}`);
    });

    it('publishing an open survey invites the period’s matched people, each by one e-mail even with two workers', async () => {
      const id = await newSurvey();
      const survey = (await staff.get(`/api/surveys/${id}`)).json();
      expect(survey).toMatchObject({ state: 'open', invited: 2, responded: 0 });
      await Promise.all([
        drain(createJobRunner(ctx.deps, { workerId: 'a', batchSize: 1 })),
        drain(createJobRunner(ctx.deps, { workerId: 'b', batchSize: 1 })),
      ]);
      const mails = await mailsTo(match.mentorId, 'survey-invitation');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain(`/surveys/${id}`);
      expect(mails[0]!.text_body).toContain('groups of at least 5');
      // A published survey cannot be deleted; a second publish is a conflict.
      expect((await staff.request('DELETE', `/api/surveys/${id}`)).statusCode).toBe(409);
      expect((await staff.post(`/api/surveys/${id}/publish`)).json().code).toBe('SURVEY_PUBLISHED');
      await staff.post(`/api/surveys/${id}/close`);
    });
  });

  describe('answering', () => {
    let match: Awaited<ReturnType<typeof createTestMatch>>;
    let id: number;
    let mentor: Client;
    let mentee: Client;

    beforeAll(async () => {
      const period = await periodIn(ctx.deps, 'active');
      match = await createTestMatch(ctx.deps, { periodId: period, names: ['Ana Mentor', 'Ari Mentee'] });
      id = await newSurvey({ period });
      mentor = await as(match.mentorId);
      mentee = await as(match.menteeId);
    });

    it('lists the survey to answer with where I stand, and gives me only my role’s questions', async () => {
      const listed = (await mentee.get('/api/surveys')).json().surveys;
      expect(listed).toEqual([expect.objectContaining({ id, state: 'open', myStatus: 'not-started', invited: null })]);
      const form = (await mentee.get(`/api/surveys/${id}/form`)).json();
      expect(form).toMatchObject({ role: 'mentee', status: 'not-started', answers: {}, submittedOn: null });
      expect(form.questions.map((x: Question) => x.id)).toEqual(['score', 'pick', 'ways', 'note', 'secret']);
      const mentorForm = (await mentor.get(`/api/surveys/${id}/form`)).json();
      expect(mentorForm.questions.map((x: Question) => x.id)).toContain('hours');
    });

    it('saves a draft as they go, to finish later on another device', async () => {
      const saved = await put(mentor, `/api/surveys/${id}/draft`, { answers: { score: 3, note: '  more forums  ' } });
      expect(saved.statusCode, saved.body).toBe(200);
      const otherDevice = await as(match.mentorId);
      const form = (await otherDevice.get(`/api/surveys/${id}/form`)).json();
      expect(form).toMatchObject({ status: 'draft', answers: { score: 3, note: 'more forums' } });
      expect((await otherDevice.get('/api/surveys')).json().surveys[0].myStatus).toBe('draft');
    });

    it.each([
      ['a Likert 6', { score: 6 }, 'answers.score'],
      ['a choice that is not offered', { pick: 'Maybe' }, 'answers.pick'],
      ['a repeated choice', { ways: ['Phone', 'Phone'] }, 'answers.ways'],
      ['free text over the limit', { note: 'x'.repeat(301) }, 'answers.note'],
      ['a number out of range', { secret: -1 }, 'answers.secret'],
      ['an answer to a question not asked of me', { hours: 3 }, 'answers.hours'],
      ['a missing required answer', { pick: '' }, 'answers.pick'],
    ])('refuses %s with a clear 422, changing nothing', async (_label, over, path) => {
      const before = await snapshot();
      const res = await mentee.post(`/api/surveys/${id}/response`, answer(over));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'INVALID_ANSWERS', details: expect.arrayContaining([expect.objectContaining({ path })]) });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses answers of the wrong type at the door, and a survey that is not mine as not found', async () => {
      expect((await mentee.post(`/api/surveys/${id}/response`, { answers: { score: { x: 1 } } })).statusCode).toBe(400);
      const stranger = await as((await createPerson(ctx.deps, ['mentee'])).id);
      expect((await stranger.post(`/api/surveys/${id}/response`, answer())).statusCode).toBe(404);
      expect((await put(stranger, `/api/surveys/${id}/draft`, { answers: {} })).statusCode).toBe(404);
      expect((await stranger.get(`/api/surveys/${id}/form`)).statusCode).toBe(404);
      expect((await mentee.post('/api/surveys/999999/response', answer())).statusCode).toBe(404);
    });

    it('submits once: the draft goes, the date is recorded, a second answer is refused', async () => {
      const res = await mentor.post(`/api/surveys/${id}/response`, answer({ hours: 6, note: 'More forums' }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ submittedOn: '2027-08-02' });
      expect((await mentor.get(`/api/surveys/${id}/form`)).json()).toMatchObject({
        status: 'submitted',
        submittedOn: '2027-08-02',
        answers: {},
      });
      expect(await ctx.deps.db.selectFrom('survey_drafts').selectAll().execute()).toEqual([]);
      const before = await snapshot();
      const again = await mentor.post(`/api/surveys/${id}/response`, answer({ hours: 6 }));
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALREADY_ANSWERED');
      expect((await put(mentor, `/api/surveys/${id}/draft`, { answers: { score: 1 } })).json().code).toBe('ALREADY_ANSWERED');
      expect(await snapshot()).toEqual(before);
    });

    it('after answers exist the questions are frozen; wording fixes are allowed and recorded', async () => {
      const before = await snapshot();
      const added = await staff.patch(`/api/surveys/${id}`, {
        questions: [...QUESTIONS, q({ id: 'extra', kind: 'long-text', text: 'More?' })],
      });
      expect(added.statusCode).toBe(422);
      expect(added.json().code).toBe('QUESTIONS_FROZEN');
      const retyped = await staff.patch(`/api/surveys/${id}`, {
        questions: QUESTIONS.map((x) => (x.id === 'pick' ? { ...x, kind: 'multiple' } : x)),
      });
      expect(retyped.json().code).toBe('QUESTIONS_FROZEN');
      expect((await staff.patch(`/api/surveys/${id}`, { named: true })).json().code).toBe('SURVEY_OPENED');
      expect(await snapshot()).toEqual(before);
      const fixed = await staff.patch(`/api/surveys/${id}`, {
        questions: QUESTIONS.map((x) => (x.id === 'score' ? { ...x, text: 'How was your year, all in all?' } : x)),
      });
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json().questionsFrozen).toBe(true);
      expect(fixed.json().wordingChanges).toEqual([
        expect.objectContaining({ questionId: 'score', changedBy: 'Sam Staff', after: expect.stringContaining('all in all') }),
      ]);
    });

    it('results wait for the close; after it nothing more is accepted', async () => {
      const early = await staff.get(`/api/surveys/${id}/results`);
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('RESULTS_NOT_YET');
      await put(mentee, `/api/surveys/${id}/draft`, { answers: { score: 2 } });
      expect((await staff.post(`/api/surveys/${id}/close`)).json().state).toBe('closed');
      const late = await mentee.post(`/api/surveys/${id}/response`, answer());
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('SURVEY_CLOSED');
      expect((await staff.post(`/api/surveys/${id}/extend`, { closesOn: '2027-08-30' })).json().code).toBe('SURVEY_CLOSED');
      expect((await mentee.get('/api/surveys')).json().surveys).toEqual([]);
      // One answer is under the threshold: nothing of it shows.
      const results = (await staff.get(`/api/surveys/${id}/results?by=role`)).json();
      expect(results).toMatchObject({ respondents: 1, invited: 2, minGroupSize: 5 });
      for (const r of results.questions) {
        expect(r.overall.suppressed).toBe(true);
        expect(r.breakdowns[0].groups.suppressed).toBe(true);
      }
    });
  });

  describe('reminders', () => {
    it('each round reaches each person who has not answered exactly once, and never someone who answered', async () => {
      const period = await periodIn(ctx.deps, 'active');
      const a = await createTestMatch(ctx.deps, { periodId: period });
      const b = await createTestMatch(ctx.deps, { periodId: period });
      const created = (await staff.post('/api/surveys', { periodId: period, kind: 'check-in' })).json();
      await staff.patch(`/api/surveys/${created.id}`, { questions: QUESTIONS, closesOn: '2027-08-20' });
      await staff.post(`/api/surveys/${created.id}/publish`);
      await runJobs();
      await (await as(a.menteeId)).post(`/api/surveys/${created.id}/response`, answer());
      // A week before the close (13 August): the first round, run by two planners and workers.
      ctx.clock.set('2027-08-13T15:00:00.000Z');
      await Promise.all([runJobs(), runJobs()]);
      ctx.clock.set('2027-08-13T16:00:00.000Z');
      await runJobs();
      for (const person of [a.mentorId, b.mentorId, b.menteeId]) expect(await mailsTo(person, 'survey-reminder')).toHaveLength(1);
      expect(await mailsTo(a.menteeId, 'survey-reminder')).toHaveLength(0);
      await (await as(b.menteeId)).post(`/api/surveys/${created.id}/response`, answer());
      // Two days before: the last round, once, to the two still silent.
      ctx.clock.set('2027-08-18T15:00:00.000Z');
      await runJobs();
      ctx.clock.set('2027-08-19T15:00:00.000Z');
      await runJobs();
      for (const person of [a.mentorId, b.mentorId]) expect(await mailsTo(person, 'survey-reminder')).toHaveLength(2);
      expect(await mailsTo(b.menteeId, 'survey-reminder')).toHaveLength(1);
      expect(await mailsTo(a.menteeId, 'survey-reminder')).toHaveLength(0);
      // Sessions end when idle for long: staff sign in again on the later day.
      staff = await as(staffId);
      const progress = (await staff.get(`/api/surveys/${created.id}/progress`)).json();
      expect(progress).toMatchObject({ invited: 4, responded: 2 });
      const notYet = (await staff.get(`/api/surveys/${created.id}/not-yet`)).json();
      expect(notYet.total).toBe(2);
      expect(notYet.people.map((p: { remindersSent: number }) => p.remindersSent)).toEqual([2, 2]);
      expect(progress.overTime.at(-1)).toMatchObject({ date: '2027-08-19', responded: 2, rate: 0.5 });
      expect(progress.byRole).toEqual([
        { role: 'mentor', invited: 2, responded: 0 },
        { role: 'mentee', invited: 2, responded: 2 },
      ]);
      ctx.clock.set(NOW);
      staff = await as(staffId);
    });

    it('a long round goes out a batch per job, each person once, none to those who answered or are disabled', async () => {
      const period = await periodIn(ctx.deps, 'active');
      const created = (await staff.post('/api/surveys', { periodId: period, kind: 'check-in' })).json();
      await staff.patch(`/api/surveys/${created.id}`, { questions: QUESTIONS, closesOn: '2027-09-20' });
      await staff.post(`/api/surveys/${created.id}/publish`);
      // 2.5 batches of people invited (straight into the table: the round reads them as it finds them).
      const people = [];
      for (let i = 0; i < PEOPLE_PER_JOB * 2 + 50; i++) people.push(await createPerson(ctx.deps, ['mentee'], `Many ${i}`));
      await ctx.deps.db
        .insertInto('survey_invitations')
        .values(people.map((p) => ({ survey_id: created.id, user_id: p.id, role: 'mentee' as const, invited_at: NOW, mailed_at: NOW })))
        .execute();
      const [answered, disabled] = [people[7]!, people[300]!];
      await ctx.deps.db
        .updateTable('survey_invitations')
        .set({ responded_on: '2027-09-01' })
        .where('survey_id', '=', created.id)
        .where('user_id', '=', answered.id)
        .execute();
      await ctx.deps.db.updateTable('users').set({ disabled_at: NOW }).where('id', '=', disabled.id).execute();
      ctx.clock.set('2027-09-13T15:00:00.000Z');
      await runJobs();
      const mails = await ctx.deps.db
        .selectFrom('outbox')
        .select('to_address')
        .where('kind', '=', 'survey-reminder')
        .where(
          'to_address',
          'in',
          people.map((p) => p.email),
        )
        .execute();
      const owed = people.filter((p) => p !== answered && p !== disabled).map((p) => p.email);
      expect(mails.map((m) => m.to_address).sort()).toEqual(owed.sort());
      const jobs = await ctx.deps.db
        .selectFrom('jobs')
        .select(['dedupe_key', 'status'])
        .where('dedupe_key', 'like', `survey:${created.id}:reminder:week%`)
        .orderBy('id')
        .execute();
      expect(jobs).toEqual([
        { dedupe_key: `survey:${created.id}:reminder:week`, status: 'done' },
        { dedupe_key: `survey:${created.id}:reminder:week:1`, status: 'done' },
        { dedupe_key: `survey:${created.id}:reminder:week:2`, status: 'done' },
      ]);
      ctx.clock.set(NOW);
      staff = await as(staffId);
    });
  });

  describe('confidentiality', () => {
    const people: { mentorId: number; menteeId: number }[] = [];
    let id: number;

    beforeAll(async () => {
      const period = await periodIn(ctx.deps, 'active');
      for (let i = 0; i < 10; i++) people.push(await createTestMatch(ctx.deps, { periodId: period }));
      id = await newSurvey({ period });
      // Twenty people answer one after another, each with a number only they know.
      let secret = 1000;
      for (const m of people) {
        for (const [userId, extra] of [
          [m.mentorId, { hours: 5 }],
          [m.menteeId, {}],
        ] as const) {
          secret += 1;
          const res = await (await as(userId)).post(`/api/surveys/${id}/response`, answer({ ...extra, secret, note: `note ${secret}` }));
          expect(res.statusCode, res.body).toBe(201);
        }
      }
    });

    it('stores answers with no person and no time, and the respondent record with a date only', async () => {
      const columns = (await ctx.deps.db.introspection.getTables()).find((t) => t.name === 'survey_responses')!.columns.map((c) => c.name);
      expect(columns.sort()).toEqual(['answers', 'id', 'role', 'survey_id']);
      const invitations = await ctx.deps.db.selectFrom('survey_invitations').select('responded_on').where('survey_id', '=', id).execute();
      expect(new Set(invitations.map((i) => i.responded_on))).toEqual(new Set(['2027-08-02']));
      const audit = await ctx.deps.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'survey').execute();
      expect(audit.map((a) => a.action)).not.toContain('survey.answered');
    });

    it('cannot be joined back to a person from the database alone: not by key, row order or any column', async () => {
      // The attacker knows the order people answered in (invitation ids by respondent order is the
      // best the identity side offers) and tries each ordering the answers side could leak.
      const order = (await ctx.deps.db.selectFrom('survey_responses').select(['id', 'answers']).where('survey_id', '=', id).execute()).map(
        (r) => ({ id: r.id, secret: (JSON.parse(r.answers) as { secret: number }).secret }),
      );
      const physical =
        ctx.deps.db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
          ? await sql<{ answers: string }>`select answers from survey_responses where survey_id = ${id} order by ctid`.execute(ctx.deps.db)
          : await sql<{ answers: string }>`select answers from survey_responses where survey_id = ${id} order by rowid`.execute(
              ctx.deps.db,
            );
      const physicalSecrets = physical.rows.map((r) => (JSON.parse(r.answers) as { secret: number }).secret);
      const byKey = [...order].sort((a, b) => a.id.localeCompare(b.id)).map((r) => r.secret);
      const truth = Array.from({ length: 20 }, (_, i) => 1001 + i);
      const hits = (guess: number[]) => guess.filter((s, i) => s === truth[i]).length;
      // A random order matches about one place in twenty; lining up by order would match all twenty.
      expect(hits(physicalSecrets)).toBeLessThanOrEqual(8);
      expect(hits(byKey)).toBeLessThanOrEqual(8);
      expect(hits(order.map((r) => r.secret))).toBeLessThanOrEqual(8);
      expect(physicalSecrets.slice().sort()).toEqual(truth);
    });

    it('shows only aggregates to staff and the task force, with small groups hidden; others get nothing', async () => {
      await staff.post(`/api/surveys/${id}/close`);
      const taskforce = await as((await createPerson(ctx.deps, ['taskforce'])).id);
      const results = (await taskforce.get(`/api/surveys/${id}/results?by=role`)).json();
      expect(results).toMatchObject({ respondents: 20, invited: 20 });
      const score = results.questions.find((r: { questionId: string }) => r.questionId === 'score');
      expect(score.overall).toMatchObject({
        suppressed: false,
        answered: 20,
        counts: [{ count: 0 }, { count: 0 }, { count: 0 }, { count: 20 }, { count: 0 }],
      });
      expect(score.breakdowns[0].groups.map((g: { label: string }) => g.label)).toEqual(['Mentees', 'Mentors']);
      const note = results.questions.find((r: { questionId: string }) => r.questionId === 'note');
      expect(note.overall.texts).toHaveLength(20);
      for (const who of [['committee'], ['mentor'], ['mentee']] as const) {
        const client = await as((await createPerson(ctx.deps, [...who])).id);
        expect((await client.get(`/api/surveys/${id}/results`)).statusCode).toBe(403);
        expect((await client.get(`/api/surveys/${id}/exports/survey-results.csv`)).statusCode).toBe(403);
      }
      expect((await staff.get(`/api/surveys/${id}/answers`)).json().code).toBe('SURVEY_ANONYMOUS');
      const csv = await taskforce.get(`/api/surveys/${id}/exports/survey-results.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body.split('\r\n')[0]).toBe('Survey,Section,Question,Group,Answered,Figure,Value');
      expect(csv.body).toContain('How was your year?,Everyone,20,4 · Good,20');
    });

    it('hides a breakdown whose smaller group is under the threshold, in the page and the CSV alike', async () => {
      const period = await periodIn(ctx.deps, 'active');
      const matches = [];
      for (let i = 0; i < 6; i++) matches.push(await createTestMatch(ctx.deps, { periodId: period }));
      const survey = await newSurvey({ period });
      for (const m of matches) await (await as(m.menteeId)).post(`/api/surveys/${survey}/response`, answer());
      for (const m of matches.slice(0, 3)) await (await as(m.mentorId)).post(`/api/surveys/${survey}/response`, answer({ hours: 2 }));
      await staff.post(`/api/surveys/${survey}/close`);
      const results = (await staff.get(`/api/surveys/${survey}/results?by=role`)).json();
      const score = results.questions.find((r: { questionId: string }) => r.questionId === 'score');
      expect(score.overall).toMatchObject({ suppressed: false, answered: 9 });
      expect(score.breakdowns[0].groups).toMatchObject({ suppressed: true });
      const hours = results.questions.find((r: { questionId: string }) => r.questionId === 'hours');
      expect(hours.overall.suppressed).toBe(true);
      const csv = (await staff.get(`/api/surveys/${survey}/exports/survey-results.csv`)).body;
      expect(csv).not.toContain('Mentors');
      expect(csv).toContain('Hours a month,Everyone,,Hidden');
    });

    it('shows a fresh random 200 of many written answers each time, as JSON the schema allows', async () => {
      const period = await periodIn(ctx.deps, 'active');
      const survey = await newSurvey({ period });
      // 230 answers written straight to the answers side: the route reads them as it finds them.
      const written = Array.from({ length: 230 }, (_, i) => `Change ${i}: "more" \\ <less>`);
      await ctx.deps.db
        .insertInto('survey_responses')
        .values(
          written.map((note, i) => ({
            id: `r-${survey}-${i}`,
            survey_id: survey,
            role: i % 2 ? 'mentor' : 'mentee',
            answers: JSON.stringify({ score: 4, pick: 'Yes', note }),
          })),
        )
        .execute();
      await staff.post(`/api/surveys/${survey}/close`);
      const notes = async () => {
        const res = await staff.get(`/api/surveys/${survey}/results?by=role`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        const note = res.json().questions.find((r: { questionId: string }) => r.questionId === 'note');
        expect(note.overall).toMatchObject({ suppressed: false, answered: 230, textsTotal: 230 });
        expect(note.breakdowns[0].groups.map((g: { summary: { textsTotal: number } }) => g.summary.textsTotal)).toEqual([115, 115]);
        const texts = note.overall.texts as string[];
        expect(texts).toHaveLength(200);
        expect(new Set(texts).size).toBe(200);
        expect(texts.every((t) => written.includes(t))).toBe(true);
        return texts;
      };
      const first = await notes();
      const second = await notes();
      expect(second).not.toEqual(first);
    });

    it('a survey named before it opens says so, and only then shows staff each person’s answers', async () => {
      const period = await periodIn(ctx.deps, 'active');
      const m = await createTestMatch(ctx.deps, { periodId: period, names: ['Nell Named', 'Ned Named'] });
      const survey = await newSurvey({ period, named: true });
      await runJobs();
      expect((await mailsTo(m.menteeId, 'survey-invitation'))[0]!.text_body).toContain('NAMED');
      await (await as(m.menteeId)).post(`/api/surveys/${survey}/response`, answer({ note: 'Named note' }));
      const named = (await staff.get(`/api/surveys/${survey}/answers`)).json();
      expect(named.people).toEqual([
        expect.objectContaining({ name: 'Ned Named', role: 'mentee', answers: expect.objectContaining({ note: 'Named note' }) }),
      ]);
      const taskforce = await as((await createPerson(ctx.deps, ['taskforce'])).id);
      expect((await taskforce.get(`/api/surveys/${survey}/answers`)).statusCode).toBe(403);
    });
  });
});
