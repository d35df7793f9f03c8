import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserById } from '../../src/features/accounts/users.store.ts';
import { writeStoredFile } from '../../src/files/stored-files.ts';
import { insertResource } from '../../src/features/resources/resources.store.ts';
import type { Audience } from '../../src/shared/api/resources.ts';
import type { Role } from '../../src/shared/roles.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn, sessionClient } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { answers, createPeriod } from '../fixtures/applications/helpers.ts';
import { addApplicant, answersFor, periodIn, runMatching } from './matching-fixtures.ts';
import type { Applicant } from './matching-fixtures.ts';

/**
 * An applicant is an applicant: the mentor or mentee role (and what only mentors or mentees may
 * open) comes with acceptance or a match, and goes when neither is left. Roles held for other
 * reasons are never touched.
 */
describeEachDialect('participant roles follow applications and matches', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;
  let forMentors: number;
  let forMentees: number;
  let seq = 0;

  async function resource(audience: Audience): Promise<number> {
    const stored = await writeStoredFile(ctx.deps.config.uploadDir, Readable.from([Buffer.from('%PDF-1.4 guide')]));
    return insertResource(ctx.deps.db, {
      title: `Only for ${audience}`,
      description: '',
      kind: 'document',
      audience,
      topic: 'Guides',
      url: null,
      file: { ...stored, name: 'guide.pdf', type: 'application/pdf' },
      position: 1,
      createdBy: 1,
      at: ctx.deps.clock.now().toISOString(),
    });
  }

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    periodId = await createPeriod(staff, '2026–27');
    forMentors = await resource('mentors');
    forMentees = await resource('mentees');
  });
  afterAll(() => ctx.close());

  const rolesOf = async (client: Client): Promise<Role[]> => (await client.get('/api/me')).json().user.roles;
  const rolesOfId = async (userId: number): Promise<Role[]> => (await findUserById(ctx.deps.db, userId))?.roles ?? [];
  /** Whether the caller may open the mentors-only file, and sees it in the list of resources. */
  const opensMentorsFile = async (client: Client): Promise<boolean> => {
    const file = (await client.get(`/api/resources/${forMentors}/file`)).statusCode;
    const listed = (await client.get('/api/resources')).json().resources.some((r: { id: number }) => r.id === forMentors);
    expect(listed, 'the list agrees with the file').toBe(file === 200);
    if (file !== 200) expect(file).toBe(404);
    return file === 200;
  };
  const decide = async (applicationId: number, decision: 'accepted' | 'waitlisted' | 'declined') => {
    const res = await staff.post(`/api/applications/${applicationId}/decision`, {
      decision,
      reason: decision === 'declined' ? 'Not this time.' : '',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const newcomerApplies = async (role: 'mentor' | 'mentee') => {
    seq += 1;
    const visitor = new Client(ctx.app);
    const res = await visitor.post('/api/apply', {
      periodId,
      role,
      name: `Newcomer ${seq}`,
      email: `newcomer${seq}@example.org`,
      password: 'a long password',
      answers: answers({ capacity: 1 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    // The new session has a CSRF token of its own, as the web app fetches after applying.
    await visitor.refreshCsrf();
    return { client: visitor, user: res.json().user as { id: number; roles: Role[] }, applicationId: res.json().application.id as number };
  };
  const sessionFor = (userId: number): Promise<Client> => sessionClient(ctx, userId);

  describe('applying', () => {
    it('makes an anonymous visitor who applies as a mentor an applicant, not a mentor', async () => {
      const { client, user, applicationId } = await newcomerApplies('mentor');
      expect(user.roles).toEqual([]);
      expect(await rolesOf(client)).toEqual([]);
      expect(await opensMentorsFile(client)).toBe(false);
      expect((await client.get('/api/resources?audience=mentors')).json().resources).toEqual([]);

      // What an applicant may still do: see, change and withdraw their own application.
      const mine = (await client.get('/api/my/applications')).json().applications;
      expect(mine.map((a: { id: number; status: string }) => [a.id, a.status])).toEqual([[applicationId, 'submitted']]);
      expect((await client.get(`/api/applications/${applicationId}`)).statusCode).toBe(200);
      const edited = await client.patch(`/api/applications/${applicationId}`, {
        answers: answers({ capacity: 2, hopes: 'Second thoughts' }),
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect((await client.get('/api/periods')).statusCode).toBe(200);
      expect((await client.post(`/api/applications/${applicationId}/withdraw`)).statusCode).toBe(200);
      expect(await rolesOf(client)).toEqual([]);
    });

    it('gives a signed-in person who applies no participant role either', async () => {
      const { client } = await signedIn(ctx, []);
      const res = await client.post('/api/applications', { periodId, role: 'mentor', answers: answers({ capacity: 1 }) });
      expect(res.statusCode, res.body).toBe(201);
      const again = await client.post('/api/applications', { periodId, role: 'mentee', answers: answers() });
      expect(again.statusCode, again.body).toBe(201);
      expect(await rolesOf(client)).toEqual([]);
      expect(await opensMentorsFile(client)).toBe(false);
      expect((await client.get(`/api/resources/${forMentees}/file`)).statusCode).toBe(404);
    });
  });

  describe('reviewing', () => {
    it('gives the role on acceptance, and takes it away on a waitlist or a decline when there is no match', async () => {
      const { client, applicationId } = await newcomerApplies('mentor');
      await decide(applicationId, 'accepted');
      expect(await rolesOf(client)).toEqual(['mentor']);
      expect(await opensMentorsFile(client)).toBe(true);
      // Only the role applied for: an accepted mentor is not a mentee.
      expect((await client.get(`/api/resources/${forMentees}/file`)).statusCode).toBe(404);

      await decide(applicationId, 'waitlisted');
      expect(await rolesOf(client)).toEqual([]);
      await decide(applicationId, 'accepted');
      expect(await rolesOf(client)).toEqual(['mentor']);

      await decide(applicationId, 'declined');
      expect(await rolesOf(client)).toEqual([]);
      expect(await opensMentorsFile(client)).toBe(false);
      // Still their own application to read, with the reason.
      expect((await client.get(`/api/applications/${applicationId}`)).json()).toMatchObject({
        status: 'declined',
        decisionReason: 'Not this time.',
      });
    });

    it('takes the role away from an applicant who withdraws an accepted application', async () => {
      const { client, applicationId } = await newcomerApplies('mentee');
      await decide(applicationId, 'accepted');
      expect(await rolesOf(client)).toEqual(['mentee']);
      expect((await client.post(`/api/applications/${applicationId}/withdraw`)).statusCode).toBe(200);
      expect(await rolesOf(client)).toEqual([]);

      // Changing their mind while the window is open brings the application back, not the role.
      const back = await client.post('/api/applications', { periodId, role: 'mentee', answers: answers() });
      expect(back.statusCode, back.body).toBe(201);
      expect(back.json()).toMatchObject({ id: applicationId, status: 'submitted' });
      expect(await rolesOf(client)).toEqual([]);
    });

    it('never touches staff, committee or task-force roles', async () => {
      const committee = await signedIn(ctx, ['committee']);
      const applied = await committee.client.post('/api/applications', { periodId, role: 'mentee', answers: answers() });
      expect(applied.statusCode, applied.body).toBe(201);
      expect(await rolesOf(committee.client)).toEqual(['committee']);
      await decide(applied.json().id, 'accepted');
      expect(await rolesOf(committee.client)).toEqual(['committee', 'mentee']);
      await decide(applied.json().id, 'declined');
      expect(await rolesOf(committee.client)).toEqual(['committee']);

      const office = await signedIn(ctx, ['staff', 'taskforce']);
      const asMentor = await office.client.post('/api/applications', { periodId, role: 'mentor', answers: answers({ capacity: 1 }) });
      expect(asMentor.statusCode, asMentor.body).toBe(201);
      expect(await rolesOf(office.client)).toEqual(['staff', 'taskforce']);
      await decide(asMentor.json().id, 'accepted');
      expect(await rolesOf(office.client)).toEqual(['staff', 'taskforce', 'mentor']);
      expect((await office.client.post(`/api/applications/${asMentor.json().id}/withdraw`)).statusCode).toBe(200);
      expect(await rolesOf(office.client)).toEqual(['staff', 'taskforce']);
    });
  });

  describe('matching', () => {
    /** Three mentors with one place each and two mentees, approved: one mentor is left without a partner. */
    async function approvedCohort(): Promise<{ matched: Applicant[]; unmatched: Applicant[] }> {
      const matchingPeriod = await periodIn(ctx.deps, 'matching');
      const mentors: Applicant[] = [];
      for (let k = 0; k < 3; k++)
        mentors.push(await addApplicant(ctx.deps, matchingPeriod, 'mentor', answersFor('mentor', k, { capacity: 1 })));
      const mentees: Applicant[] = [];
      for (let k = 0; k < 2; k++) mentees.push(await addApplicant(ctx.deps, matchingPeriod, 'mentee', answersFor('mentee', k)));
      const run = await runMatching(staff, ctx.deps, matchingPeriod);
      const approved = await staff.post(`/api/matching-runs/${run.id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      const paired = new Set(run.result!.pairs.flatMap((p) => [p.mentorApplicationId, p.menteeApplicationId]));
      const everyone = [...mentors, ...mentees];
      return {
        matched: everyone.filter((a) => paired.has(a.applicationId)),
        unmatched: everyone.filter((a) => !paired.has(a.applicationId)),
      };
    }

    it('keeps the role of everyone matched and takes it from everyone left unmatched', async () => {
      const { matched, unmatched } = await approvedCohort();
      expect(matched).toHaveLength(4);
      expect(unmatched.map((a) => a.role)).toEqual(['mentor']);
      for (const a of matched) expect(await rolesOfId(a.userId), a.name).toEqual([a.role]);
      const [left] = unmatched as [Applicant];
      expect(await rolesOfId(left.userId)).toEqual([]);

      // Accepted again in a later period, they are a mentor again.
      const client = await sessionFor(left.userId);
      const res = await client.post('/api/applications', { periodId, role: 'mentor', answers: answers({ capacity: 1 }) });
      expect(res.statusCode, res.body).toBe(201);
      await decide(res.json().id, 'accepted');
      expect(await rolesOf(client)).toEqual(['mentor']);
    });

    it('keeps the role of someone with a match when another application of theirs is declined', async () => {
      const { matched } = await approvedCohort();
      const mentor = matched.find((a) => a.role === 'mentor') as Applicant;
      const client = await sessionFor(mentor.userId);
      const res = await client.post('/api/applications', { periodId, role: 'mentor', answers: answers({ capacity: 1 }) });
      expect(res.statusCode, res.body).toBe(201);
      expect(await rolesOf(client)).toEqual(['mentor']);
      await decide(res.json().id, 'accepted');
      await decide(res.json().id, 'declined');
      expect(await rolesOf(client)).toEqual(['mentor']);
      expect(await opensMentorsFile(client)).toBe(true);
    });
  });
});
