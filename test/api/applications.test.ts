import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { setApplicationStatuses } from '../../src/features/applications/applications.store.ts';
import { answers, createPeriod, OPEN_DATES } from '../fixtures/applications/helpers.ts';

describeEachDialect('applications', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;

  const countRows = async (table: 'applications' | 'users' | 'outbox') =>
    Number(
      (
        await ctx.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newestMailTo = (address: string) =>
    ctx.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', address).orderBy('id', 'desc').executeTakeFirst();
  const applicant = async (roles: ('mentor' | 'mentee')[] = []) => signedIn(ctx, roles);
  /** Moving the clock far ends idle sessions, as it would in real life: start a fresh one. */
  const moveClock = async (to: string, ...people: { client: Client; id: number }[]) => {
    ctx.clock.set(to);
    for (const p of people) await p.client.useSession(await startSession(ctx.deps, p.id));
  };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    periodId = await createPeriod(staff, '2026–27');
  });
  afterAll(() => ctx.close());

  describe('the public form', () => {
    it('offers open periods only, current goals, the eligibility questions and the channels', async () => {
      await createPeriod(staff, 'Draft period', OPEN_DATES, false);
      const form = (await new Client(ctx.app).get('/api/apply/form')).json();
      expect(form.programName).toBe('Test Mentoring Program');
      expect(form.periods).toEqual([{ id: periodId, name: '2026–27', applicationsCloseOn: '2026-09-30' }]);
      expect(form.goals).toHaveLength(7);
      expect(form.eligibilityQuestions.map((q: { key: string }) => q.key)).toContain('adult_or_consent');
      expect(form.channels).toEqual(['phone', 'email', 'video', 'chat', 'in_person']);
    });

    it('creates the account and the application, sends a confirmation and signs the person in', async () => {
      const visitor = new Client(ctx.app);
      const res = await visitor.post('/api/apply', {
        periodId,
        role: 'mentee',
        name: 'Nia Newcomer',
        email: 'Nia@Example.org',
        password: 'a long password',
        answers: answers({ interests: ['Storytime', ' storytime ', 'Teen services'] }),
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      // An applicant, not yet a mentee: the role comes with acceptance (participant-roles.test.ts).
      expect(body.user).toMatchObject({ email: 'nia@example.org', name: 'Nia Newcomer', roles: [] });
      expect(body.application).toMatchObject({ periodId, role: 'mentee', status: 'submitted', editable: true, eligibilityProblems: [] });
      expect(body.application.answers.interests).toEqual(['Storytime', 'Teen services']);
      expect(visitor.hasSession()).toBe(true);
      expect((await visitor.get('/api/me')).json().user.email).toBe('nia@example.org');

      const mail = await newestMailTo('nia@example.org');
      expect(mail).toMatchObject({ kind: 'application_received' });
      expect(mail?.text_body).toContain('September 30, 2026');
      expect(mail?.text_body).toMatch(/change your answers or withdraw/);
    });

    it('sends someone who already has an account to sign in, and writes nothing', async () => {
      const before = await countRows('applications');
      const res = await new Client(ctx.app).post('/api/apply', {
        periodId,
        role: 'mentor',
        name: 'Nia Again',
        email: 'nia@example.org',
        password: 'a long password',
        answers: answers(),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('EMAIL_TAKEN');
      expect(res.json().message).toMatch(/Sign in/);
      expect(await countRows('applications')).toBe(before);
    });
  });

  describe('the application window', () => {
    it('refuses a draft period and writes nothing', async () => {
      const draft = await createPeriod(staff, 'Not yet open', OPEN_DATES, false);
      const [apps, users] = [await countRows('applications'), await countRows('users')];
      const pub = await new Client(ctx.app).post('/api/apply', {
        periodId: draft,
        role: 'mentee',
        name: 'Early Bird',
        email: 'early@example.org',
        password: 'a long password',
        answers: answers(),
      });
      expect(pub.statusCode).toBe(409);
      expect(pub.json().code).toBe('APPLICATION_WINDOW_CLOSED');
      const { client } = await applicant();
      const signed = await client.post('/api/applications', { periodId: draft, role: 'mentee', answers: answers() });
      expect(signed.statusCode).toBe(409);
      expect(await countRows('applications')).toBe(apps);
      expect(await countRows('users')).toBe(users + 1); // only the applicant made by the test itself
    });

    it('closes at the end of the closing day in the program time zone', async () => {
      const closing = await createPeriod(staff, 'Closes today', {
        ...OPEN_DATES,
        applicationsOpenOn: '2026-08-20',
        applicationsCloseOn: '2026-09-01',
      });
      const person = await applicant();
      const { client } = person;
      const before = await countRows('applications');
      try {
        // 04:30 UTC on 2 September is still 1 September in Chicago: open.
        await moveClock('2026-09-02T04:30:00.000Z', person);
        const late = await client.post('/api/applications', { periodId: closing, role: 'mentee', answers: answers() });
        expect(late.statusCode, late.body).toBe(201);
        // The next day in Chicago: closed.
        await moveClock('2026-09-02T15:00:00.000Z', person);
        const tooLate = await client.post('/api/applications', { periodId: closing, role: 'mentor', answers: answers() });
        expect(tooLate.statusCode).toBe(409);
        expect(tooLate.json().code).toBe('APPLICATION_WINDOW_CLOSED');
        expect(await countRows('applications')).toBe(before + 1);
      } finally {
        ctx.clock.set('2026-09-01T15:00:00.000Z');
      }
    });
  });

  describe('applying when signed in', () => {
    it('refuses a second application for the same period and role, and allows the other role', async () => {
      const { client } = await applicant();
      expect((await client.post('/api/applications', { periodId, role: 'mentee', answers: answers() })).statusCode).toBe(201);
      const again = await client.post('/api/applications', { periodId, role: 'mentee', answers: answers() });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALREADY_APPLIED');
      const asMentor = await client.post('/api/applications', {
        periodId,
        role: 'mentor',
        answers: answers({ capacity: 2, eligibilityAnswers: { association_member: 'no' } }),
      });
      expect(asMentor.statusCode).toBe(201);
      expect(asMentor.json()).toMatchObject({
        role: 'mentor',
        answers: { capacity: 2 },
        eligibilityProblems: ['Are you a current member of the association?'],
      });
      // Applying grants no role: it comes with acceptance (participant-roles.test.ts).
      expect((await client.get('/api/me')).json().user.roles).toEqual([]);
      expect((await client.get('/api/my/applications')).json().applications).toHaveLength(2);
    });

    it('answers a missing or malformed answer with 400 and says which', async () => {
      const { client } = await applicant();
      const { interests: _dropped, ...withoutInterests } = answers();
      const res = await client.post('/api/applications', { periodId, role: 'mentee', answers: withoutInterests });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain('answers.interests');
      const bad = await client.post('/api/applications', {
        periodId,
        role: 'mentee',
        answers: answers({ region: 'Illinois', channels: [] }),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['answers.region', 'answers.channels']),
      );
    });

    it('refuses an unknown or retired program goal, and an unknown time zone, with 422', async () => {
      const { client } = await applicant();
      const before = await countRows('applications');
      const unknown = await client.post('/api/applications', { periodId, role: 'mentee', answers: answers({ programGoalIds: [1, 9999] }) });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_PROGRAM_GOAL', details: [{ path: 'answers.programGoalIds' }] });
      await staff.patch('/api/program-goals/7', { retired: true });
      try {
        const retired = await client.post('/api/applications', { periodId, role: 'mentee', answers: answers({ programGoalIds: [7] }) });
        expect(retired.statusCode).toBe(422);
        expect(retired.json().code).toBe('UNKNOWN_PROGRAM_GOAL');
        expect((await new Client(ctx.app).get('/api/apply/form')).json().goals.map((g: { id: number }) => g.id)).not.toContain(7);
      } finally {
        await staff.patch('/api/program-goals/7', { retired: false });
      }
      const tz = await client.post('/api/applications', { periodId, role: 'mentee', answers: answers({ timeZone: 'Mars/Olympus_Mons' }) });
      expect(tz.statusCode).toBe(422);
      expect(tz.json().code).toBe('INVALID_TIME_ZONE');
      expect(await countRows('applications')).toBe(before);
    });
  });

  describe("the applicant's own application", () => {
    it('can be read, edited and withdrawn by its owner only, and only while the window is open', async () => {
      const owner = await applicant();
      const stranger = await applicant(['mentee']);
      const created = (await owner.client.post('/api/applications', { periodId, role: 'mentee', answers: answers() })).json();
      const url = `/api/applications/${created.id}`;

      expect((await stranger.client.get(url)).statusCode).toBe(404);
      expect((await stranger.client.patch(url, { answers: answers({ hopes: 'Mine now' }) })).statusCode).toBe(404);
      expect((await stranger.client.post(`${url}/withdraw`)).statusCode).toBe(404);

      const edited = await owner.client.patch(url, { answers: answers({ jobTitle: 'Youth Services Librarian', yearsExperience: 4 }) });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().answers).toMatchObject({ jobTitle: 'Youth Services Librarian', yearsExperience: 4 });
      expect((await owner.client.get(url)).json().answers.jobTitle).toBe('Youth Services Librarian');

      try {
        await moveClock('2026-10-01T12:00:00.000Z', owner);
        const view = (await owner.client.get(url)).json();
        expect(view.editable).toBe(false);
        const late = await owner.client.patch(url, { answers: answers() });
        expect(late.statusCode).toBe(409);
        expect(late.json().code).toBe('APPLICATION_WINDOW_CLOSED');
        expect((await owner.client.post(`${url}/withdraw`)).statusCode).toBe(409);
      } finally {
        await moveClock('2026-09-01T15:00:00.000Z', owner);
      }

      const withdrawn = await owner.client.post(`${url}/withdraw`);
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', editable: false });
      expect((await owner.client.post(`${url}/withdraw`)).statusCode).toBe(409);

      // Changing their mind while the window is open brings the same application back, as submitted.
      const again = await owner.client.post('/api/applications', {
        periodId,
        role: 'mentee',
        answers: answers({ hopes: 'Second thoughts' }),
      });
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ id: created.id, status: 'submitted', editable: true, answers: { hopes: 'Second thoughts' } });
      expect((await owner.client.post('/api/applications', { periodId, role: 'mentee', answers: answers() })).json().code).toBe(
        'ALREADY_APPLIED',
      );
    });

    it('shows confidential preferences to the owner, staff and the committee, and to nobody else', async () => {
      const owner = await applicant();
      const secret = { preferSameGender: true, gender: 'woman', notes: 'Please not my former manager.' };
      const created = (
        await owner.client.post('/api/applications', { periodId, role: 'mentee', answers: answers({ confidential: secret }) })
      ).json();
      expect(created.confidential).toEqual(secret);
      expect(created.answers).not.toHaveProperty('confidential');
      const url = `/api/applications/${created.id}`;
      expect((await owner.client.get(url)).json().confidential).toEqual(secret);
      expect((await staff.get(url)).json().confidential).toEqual(secret);
      const committee = (await signedIn(ctx, ['committee'])).client;
      expect((await committee.get(url)).json().confidential).toEqual(secret);
      for (const roles of [['mentee'], ['mentor'], ['taskforce']] as const) {
        const other = (await signedIn(ctx, [...roles])).client;
        const res = await other.get(url);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('former manager');
      }
      const csv = (await staff.get(`/api/periods/${periodId}/exports/applications.csv`)).body;
      expect(csv).not.toContain('former manager');
      expect(csv).not.toContain('preferSameGender');
    });
  });

  describe('reviewing', () => {
    let reviewPeriod: number;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      reviewPeriod = await createPeriod(staff, 'Review period');
      const people: [string, 'mentor' | 'mentee', Record<string, unknown>][] = [
        [
          'ana',
          'mentor',
          { employer: 'Lakeside University', workplaceType: 'academic', region: 'US-WA', programGoalIds: [3], interests: ['Archives'] },
        ],
        [
          'ben',
          'mentor',
          {
            employer: 'Prairie School District',
            workplaceType: 'school',
            region: 'CA-ON',
            programGoalIds: [1, 3],
            interests: ['Graphic novels'],
          },
        ],
        ['cy', 'mentee', { employer: 'Maple Street Public Library', region: 'US-IL', programGoalIds: [1], interests: ['Storytime'] }],
        [
          'dee',
          'mentee',
          { jobTitle: 'Archivist in training', employer: 'City Records', workplaceType: 'special', region: 'US-IL', programGoalIds: [2] },
        ],
      ];
      for (const [key, role, overrides] of people) {
        const { client } = await applicant();
        const res = await client.post('/api/applications', { periodId: reviewPeriod, role, answers: answers(overrides) });
        if (res.statusCode !== 201) throw new Error(res.body);
        ids[key] = res.json().id;
      }
    });

    const list = async (query = '') => {
      const res = await staff.get(`/api/periods/${reviewPeriod}/applications${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { applications: { id: number }[]; counts: Record<string, Record<string, number>> };
    };
    // Newest first by default (applications-list.test.ts tests the orders); here only who is listed.
    const idsOf = (l: { applications: { id: number }[] }) => l.applications.map((a) => a.id).sort((a, b) => a - b);

    it('lists with each filter, free-text search and counts by role and status', async () => {
      expect(idsOf(await list())).toEqual([ids.ana, ids.ben, ids.cy, ids.dee]);
      expect(idsOf(await list('?role=mentor'))).toEqual([ids.ana, ids.ben]);
      expect(idsOf(await list('?workplaceType=special'))).toEqual([ids.dee]);
      expect(idsOf(await list('?region=US'))).toEqual([ids.ana, ids.cy, ids.dee]);
      expect(idsOf(await list('?region=us-il'))).toEqual([ids.cy, ids.dee]);
      expect(idsOf(await list('?goal=3'))).toEqual([ids.ana, ids.ben]);
      expect(idsOf(await list('?goal=1&role=mentee'))).toEqual([ids.cy]);
      expect(idsOf(await list('?q=MAPLE'))).toEqual([ids.cy]);
      expect(idsOf(await list('?q=archiv'))).toEqual([ids.ana, ids.dee]);
      expect(idsOf(await list('?q=graphic%20NOVELS'))).toEqual([ids.ben]);
      expect(idsOf(await list('?q=nobody-has-this'))).toEqual([]);
      const { counts } = await list('?role=mentor');
      expect(counts.mentor).toMatchObject({ submitted: 2, accepted: 0 });
      expect(counts.mentee).toMatchObject({ submitted: 2 });
      expect((await staff.get(`/api/periods/${reviewPeriod}/applications?status=nonsense`)).statusCode).toBe(400);
    });

    it('accepts, waitlists and declines (with a reason), and tells the applicant', async () => {
      const noReason = await staff.post(`/api/applications/${ids.dee}/decision`, { decision: 'declined' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().details.map((d: { path: string }) => d.path)).toContain('reason');

      const declined = await staff.post(`/api/applications/${ids.dee}/decision`, {
        decision: 'declined',
        reason: 'You are not yet a member of the division.',
      });
      expect(declined.statusCode).toBe(200);
      expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: 'You are not yet a member of the division.' });
      const dee = (await staff.get(`/api/applications/${ids.dee}`)).json();
      const mail = await newestMailTo(dee.applicant.email);
      expect(mail?.kind).toBe('application_declined');
      expect(mail?.text_body).toContain('You are not yet a member of the division.');

      const committee = (await signedIn(ctx, ['committee'])).client;
      const accepted = await committee.post(`/api/applications/${ids.cy}/decision`, { decision: 'accepted' });
      expect(accepted.statusCode).toBe(200);
      expect((await newestMailTo((await staff.get(`/api/applications/${ids.cy}`)).json().applicant.email))?.kind).toBe(
        'application_accepted',
      );
      expect((await committee.post(`/api/applications/${ids.ben}/decision`, { decision: 'waitlisted' })).json().status).toBe('waitlisted');
      expect((await committee.post(`/api/applications/${ids.ben}/decision`, { decision: 'accepted' })).json().status).toBe('accepted');

      const again = await staff.post(`/api/applications/${ids.dee}/decision`, { decision: 'accepted' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ILLEGAL_DECISION');

      const { counts } = await list();
      expect(counts.mentee).toMatchObject({ accepted: 1, declined: 1, submitted: 0 });
      expect(counts.mentor).toMatchObject({ accepted: 1, submitted: 1 });
      expect(idsOf(await list('?status=accepted'))).toEqual([ids.ben, ids.cy]);
    });

    it('refuses a decision on a withdrawn application', async () => {
      const { client } = await applicant();
      const created = (await client.post('/api/applications', { periodId: reviewPeriod, role: 'mentee', answers: answers() })).json();
      await client.post(`/api/applications/${created.id}/withdraw`);
      const res = await staff.post(`/api/applications/${created.id}/decision`, { decision: 'accepted' });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ILLEGAL_DECISION');
    });

    it('keeps participants out of the review', async () => {
      const { client } = await applicant(['mentee']);
      expect((await client.get(`/api/periods/${reviewPeriod}/applications`)).statusCode).toBe(403);
      expect((await client.post(`/api/applications/${ids.ana}/decision`, { decision: 'accepted' })).statusCode).toBe(403);
      expect((await client.get(`/api/periods/${reviewPeriod}/exports/applications.csv`)).statusCode).toBe(403);
      expect((await staff.get('/api/periods/999999/applications')).statusCode).toBe(404);
      // Beyond a 32-bit id the request is malformed: a 400, never a 500 from PostgreSQL.
      expect((await staff.get('/api/periods/99999999999/applications')).statusCode).toBe(400);
      expect((await staff.get('/api/applications/99999999999')).statusCode).toBe(400);
      expect((await client.post('/api/applications', { periodId: 99999999999, role: 'mentee', answers: answers() })).statusCode).toBe(400);
    });
  });

  describe('carrying an application forward', () => {
    it('copies a flagged unmatched application into the next period once, however often it opens', async () => {
      const first = await createPeriod(staff, 'Spring intake');
      const { client } = await applicant();
      const unmatched = (
        await client.post('/api/applications', { periodId: first, role: 'mentee', answers: answers({ hopes: 'Carry me' }) })
      ).json();
      const other = (await client.post('/api/applications', { periodId: first, role: 'mentor', answers: answers() })).json();

      const tooEarly = await client.post(`/api/applications/${other.id}/carry-forward`, { carryForward: true });
      expect(tooEarly.statusCode).toBe(409);
      expect(tooEarly.json().code).toBe('CANNOT_CARRY_FORWARD');

      // What approving the matching does to someone left without a partner.
      await setApplicationStatuses(ctx.deps.db, [unmatched.id], 'submitted', 'unmatched', new Date().toISOString());
      const stranger = (await applicant()).client;
      expect((await stranger.post(`/api/applications/${unmatched.id}/carry-forward`, { carryForward: true })).statusCode).toBe(404);
      const flagged = await client.post(`/api/applications/${unmatched.id}/carry-forward`, { carryForward: true });
      expect(flagged.statusCode).toBe(200);
      expect(flagged.json().carryForward).toBe(true);

      const next = await createPeriod(staff, 'Autumn intake');
      const copies = async () =>
        (await staff.get(`/api/periods/${next}/applications`))
          .json()
          .applications.filter((a: { carriedFromId: number | null }) => a.carriedFromId === unmatched.id);
      const [copy] = await copies();
      expect(await copies()).toHaveLength(1);
      expect(copy).toMatchObject({ status: 'submitted', role: 'mentee', answers: { hopes: 'Carry me' }, carryForward: false });

      expect((await staff.post(`/api/periods/${next}/transition`, { to: 'draft' })).statusCode).toBe(200);
      expect((await staff.post(`/api/periods/${next}/transition`, { to: 'applications_open' })).statusCode).toBe(200);
      expect(await copies()).toHaveLength(1);
      expect((await client.get('/api/my/applications')).json().applications.map((a: { periodId: number }) => a.periodId)).toContain(next);
    });
  });
});
