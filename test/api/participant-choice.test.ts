import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import type { JobRunner } from '../../src/features/jobs/job-runner.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { loadChoicePool } from '../../src/features/participant-choice/choice-pool.ts';
import { insertPeriod, setPeriodStatus } from '../../src/features/periods/periods.store.ts';
import { proposeMatches } from '../../src/matching/index.ts';
import type { ApplicationAnswers } from '../../src/shared/api/applications.ts';
import type { MentorRequest, MyMentorRequests, MySuggestions, PeriodMentorRequests } from '../../src/shared/api/mentor-choice.ts';
import type { MyMatch } from '../../src/shared/api/matching.ts';
import type { MatchingMode } from '../../src/shared/matching-modes.ts';
import type { PeriodStatus } from '../../src/shared/period-status.ts';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';
import { addApplicant, answersFor, DATES, del, runMatching } from './matching-fixtures.ts';
import type { Applicant } from './matching-fixtures.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram, sessionClient } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

/** 10:00 in Chicago, the program's time zone. */
const START = '2026-09-01T15:00:00.000Z';
const MINUTE = 60_000;

/** Everything the engine scores on, shared by a mentee and the mentors who suit her best. */
const FIT: Partial<ApplicationAnswers> = {
  workplaceType: 'public',
  region: 'US-IL',
  timeZone: 'America/Chicago',
  interests: ['storytime', 'early literacy', 'outreach'],
  programGoalIds: [1, 2],
  channels: ['video', 'email'],
  meetInPerson: true,
  languages: ['English'],
  confidential: { preferSameGender: false, gender: '', notes: '' },
};
/** A mentor who shares little with FIT (still eligible: no criterion is required by default). */
const WEAK: Partial<ApplicationAnswers> = {
  workplaceType: 'academic',
  region: 'US-WA',
  timeZone: 'America/Los_Angeles',
  interests: ['grant writing', 'advocacy', 'outreach'],
  channels: ['phone'],
  meetInPerson: false,
};

/** A multipart/form-data body as a browser would send it, built by the platform's own FormData. */
async function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

const PATH: PeriodStatus[] = ['draft', 'applications_open', 'matching', 'active'];

describeEachDialect('participant choice', (db) => {
  let ctx: TestContext;
  let staffId: number;
  let staff: Client;
  /** A committee period for people's matches elsewhere (a full mentor, a previous partner). */
  let elsewhere: number;

  const sessionFor = (userId: number): Promise<Client> => sessionClient(ctx, userId);
  /** Moves the clock; staff sign in afresh (sessions idle out when days pass). */
  const at = async (instant: number | string) => {
    ctx.clock.set(new Date(instant));
    staff = await sessionFor(staffId);
  };

  let periodSeq = 0;
  const period = async (mode: MatchingMode, status: PeriodStatus = 'matching'): Promise<number> => {
    periodSeq += 1;
    const now = ctx.clock.now().toISOString();
    const id = await insertPeriod(ctx.deps.db, { name: `Choice period ${periodSeq}`, ...DATES, matchingMode: mode, at: now });
    for (let k = 1; k <= PATH.indexOf(status); k++)
      await setPeriodStatus(ctx.deps.db, id, PATH[k - 1] as PeriodStatus, PATH[k] as PeriodStatus, now);
    return id;
  };
  let employerSeq = 0;
  /** An accepted applicant; each has an employer of their own unless told otherwise. */
  const applicant = (periodId: number, role: 'mentor' | 'mentee', overrides: Partial<ApplicationAnswers> = {}): Promise<Applicant> => {
    employerSeq += 1;
    return addApplicant(
      ctx.deps,
      periodId,
      role,
      answersFor(role, 0, { ...FIT, employer: `Library number ${employerSeq}`, capacity: 1, ...overrides }),
    );
  };
  /** A mentor with no places left: capacity 1, taken by an active match in another period. */
  const fullMentor = async (periodId: number, overrides: Partial<ApplicationAnswers> = {}): Promise<Applicant> => {
    const mentor = await applicant(periodId, 'mentor', { capacity: 1, ...overrides });
    await createTestMatch(ctx.deps, { periodId: elsewhere, mentorId: mentor.userId });
    return mentor;
  };
  const suggestionsOf = async (client: Client): Promise<MySuggestions> => {
    const res = await client.get('/api/my/suggestions');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MySuggestions;
  };
  const ask = (client: Client, mentorId: unknown, note: unknown = 'I would love your help with storytime.') =>
    client.post('/api/mentor-requests', { mentorId, note });
  const asked = async (client: Client, mentorId: number, note?: string): Promise<MentorRequest> => {
    const res = await ask(client, mentorId, note);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as MentorRequest;
  };
  const countOf = async (
    table: 'mentor_requests' | 'matches' | 'outbox' | 'audit_log' | 'mentor_cards' | 'mentee_wishes',
  ): Promise<number> =>
    Number(
      (
        await ctx.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Row counts of what a request could change, and the requests themselves. */
  const footprint = async () => ({
    mentorRequests: await countOf('mentor_requests'),
    matches: await countOf('matches'),
    outbox: await countOf('outbox'),
    audit: await countOf('audit_log'),
    requests: await ctx.deps.db.selectFrom('mentor_requests').selectAll().orderBy('id').execute(),
  });
  const mailsTo = (address: string, kind?: string) => {
    let q = ctx.deps.db.selectFrom('outbox').select(['kind', 'subject', 'text_body']).where('to_address', '=', address);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('id').execute();
  };
  const requestRow = (id: number) => ctx.deps.db.selectFrom('mentor_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const activeMatches = async (client: Client): Promise<MyMatch[]> =>
    ((await client.get('/api/my/matches')).json() as { matches: MyMatch[] }).matches.filter((m) => m.status === 'active');
  const expectError = (res: { statusCode: number; json: () => unknown; body: string }, status: number, code?: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ code: code ?? expect.any(String), message: expect.any(String) });
    expect((res.json() as { message: string }).message.length).toBeGreaterThan(10);
  };

  /**
   * Whether giving this mentee this mentor keeps an optimal assignment of the whole pool: the
   * engine's optimum with the pair locked in matches as many and scores as much as without.
   */
  const inAnOptimum = async (periodId: number, menteeApplicationId: number, mentorApplicationId: number): Promise<boolean> => {
    const { job } = await loadChoicePool(ctx.deps.db, periodId, ctx.clock.now());
    const input = {
      mentees: job.mentees,
      mentors: job.mentors,
      weights: job.weights,
      referenceDate: job.referenceDate,
      objective: 'most-matched' as const,
      ...(job.minScore !== null && { minScore: job.minScore }),
    };
    const rules = { previousPartners: job.previousPartners, forbidden: job.forbidden };
    const free = proposeMatches({ ...input, hardRules: rules });
    const pair = { menteeId: String(menteeApplicationId), mentorId: String(mentorApplicationId) };
    const locked = proposeMatches({ ...input, hardRules: { ...rules, locked: [pair] } });
    return locked.summary.matched === free.summary.matched && Math.abs(locked.summary.total - free.summary.total) < 1e-6;
  };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    staffId = (await setUpProgram(ctx.deps)).staffId; // America/Chicago
    await at(START);
    elsewhere = await period('committee', 'active');
  });
  afterAll(() => ctx.close());

  describe('suggestions', () => {
    it('a choosing mentee sees her best mentor first, and never a full mentor, a colleague, a ruled-out pair or a previous partner', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee', { employer: 'Oak Park Public Library' });
      // Her twin, with none of her rules: shows the mentors left out for her are otherwise fine.
      const twin = await applicant(p, 'mentee');
      const best = await applicant(p, 'mentor');
      const weaker = await applicant(p, 'mentor', WEAK);
      const full = await fullMentor(p);
      const colleague = await applicant(p, 'mentor', { employer: '  oak park PUBLIC library ' });
      const ruledOut = await applicant(p, 'mentor');
      const previous = await applicant(p, 'mentor');
      const rule = await staff.post(`/api/periods/${p}/pair-rules`, {
        kind: 'forbid',
        menteeApplicationId: mentee.applicationId,
        mentorApplicationId: ruledOut.applicationId,
      });
      expect(rule.statusCode, rule.body).toBe(201);
      const before = await createTestMatch(ctx.deps, { periodId: elsewhere, mentorId: previous.userId, menteeId: mentee.userId });
      await ctx.deps.db
        .updateTable('matches')
        .set({ status: 'ended', ended_at: START, end_reason: 'The year ended.' })
        .where('id', '=', before.id)
        .execute();

      const mine = await suggestionsOf(await sessionFor(mentee.userId));
      expect(mine).toMatchObject({
        state: 'choosing',
        period: { id: p, mode: 'participant_choice' },
        emptyReason: null,
        requestsAtOnce: 1,
      });
      const ids = mine.suggestions.map((s) => s.mentorId);
      expect(ids[0]).toBe(best.userId);
      expect(mine.suggestions[0]).toMatchObject({ fit: 'best', name: best.name, placesLeft: 1, pendingRequestId: null });
      expect(mine.suggestions[0]?.reasons.length).toBeGreaterThan(0);
      expect(ids).toContain(weaker.userId);
      for (const excluded of [full, colleague, ruledOut, previous]) expect(ids, excluded.name).not.toContain(excluded.userId);
      expect(await inAnOptimum(p, mentee.applicationId, best.applicationId)).toBe(true);

      const theirs = await suggestionsOf(await sessionFor(twin.userId));
      const twinIds = theirs.suggestions.map((s) => s.mentorId);
      for (const fine of [colleague, ruledOut, previous]) expect(twinIds, fine.name).toContain(fine.userId);
      expect(twinIds).not.toContain(full.userId);
      expect(theirs.suggestions[0]?.fit).toBe('best');
      const first = theirs.suggestions[0]?.mentorId;
      const firstApplication = [best, weaker, colleague, ruledOut, previous].find((m) => m.userId === first) as Applicant;
      expect(await inAnOptimum(p, twin.applicationId, firstApplication.applicationId)).toBe(true);
    });

    it('puts first the partner of the optimum, not the highest score, and marks a mentor another mentee depends on', async () => {
      await at(START);
      const p = await period('participant_choice');
      // Ada and Bea both suit Xavier best. Yusuf suits Ada almost as well, but works with Bea:
      // if Ada took Xavier, Bea would have nobody. The optimum gives Ada Yusuf.
      const ada = await applicant(p, 'mentee');
      const bea = await applicant(p, 'mentee', { employer: 'Birch Branch Library' });
      const xavier = await applicant(p, 'mentor');
      const yusuf = await applicant(p, 'mentor', { region: 'US-WI', employer: 'Birch Branch Library' });

      const forAda = await suggestionsOf(await sessionFor(ada.userId));
      expect(forAda.suggestions.map((s) => s.mentorId)).toEqual([yusuf.userId, xavier.userId]);
      const [y, x] = forAda.suggestions;
      expect(y).toMatchObject({ fit: 'best', leavesSomeoneWithout: false, pointsLost: 0 });
      expect(x).toMatchObject({ fit: 'costly', leavesSomeoneWithout: true, inHighDemand: true });
      expect(x?.score).toBeGreaterThan(y?.score ?? Infinity);

      const forBea = await suggestionsOf(await sessionFor(bea.userId));
      expect(forBea.suggestions.map((s) => s.mentorId)).toEqual([xavier.userId]);
      expect(forBea.suggestions[0]?.fit).toBe('best');

      expect(await inAnOptimum(p, ada.applicationId, yusuf.applicationId)).toBe(true);
      expect(await inAnOptimum(p, ada.applicationId, xavier.applicationId)).toBe(false);
      expect(await inAnOptimum(p, bea.applicationId, xavier.applicationId)).toBe(true);
    });

    it('a mentee in a committee period is not choosing, and cannot ask', async () => {
      await at(START);
      const c = await period('committee');
      const mentee = await applicant(c, 'mentee');
      const mentor = await applicant(c, 'mentor');
      const client = await sessionFor(mentee.userId);
      expect(await suggestionsOf(client)).toMatchObject({
        state: 'not-choosing',
        period: null,
        suggestions: [],
        emptyReason: expect.any(String),
      });
      const before = await footprint();
      expectError(await ask(client, mentor.userId), 409, 'NOT_CHOOSING');
      expect(await footprint()).toEqual(before);
    });

    it('never shows a mentor’s e-mail, phone, employer or confidential answers, nor the mentee’s to the mentor', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee', {
        phone: '+1 312 555 0177',
        employer: 'Private Mentee Library 3j',
        confidential: { preferSameGender: true, gender: 'woman', notes: 'MENTEE-SECRET 8q' },
      });
      const mentor = await applicant(p, 'mentor', {
        phone: '+1 312 555 0142',
        employer: 'Hidden Employer Library 9k',
        confidential: { preferSameGender: true, gender: 'woman', notes: 'CONFIDENTIAL 4x7: not my old boss' },
      });
      const client = await sessionFor(mentee.userId);
      const res = await client.get('/api/my/suggestions');
      const suggestion = (res.json() as MySuggestions).suggestions.find((s) => s.mentorId === mentor.userId);
      expect(suggestion?.card).toMatchObject({ userId: mentor.userId, name: mentor.name, expertise: FIT.interests, region: 'US-IL' });
      const sent = await asked(client, mentor.userId);
      for (const body of [res.body, JSON.stringify(sent), (await client.get('/api/my/mentor-requests')).body]) {
        for (const secret of [mentor.email, '555 0142', 'Hidden Employer', 'CONFIDENTIAL 4x7', 'woman']) expect(body).not.toContain(secret);
        // Not even that a preference was stated and met: it tells the mentor's gender.
        expect(body.toLowerCase()).not.toContain('preference');
      }
      const mentorClient = await sessionFor(mentor.userId);
      const received = await mentorClient.get('/api/my/mentor-requests');
      expect((received.json() as MyMentorRequests).received[0]?.reasons.length).toBeGreaterThan(0);
      for (const body of [received.body, (await mentorClient.get(`/api/mentor-requests/${sent.id}`)).body]) {
        for (const secret of [mentee.email, '555 0177', 'Private Mentee', 'MENTEE-SECRET', 'woman']) expect(body).not.toContain(secret);
        expect(body.toLowerCase()).not.toContain('preference');
      }
    });
  });

  describe('requests', () => {
    it('a mentee asks; the mentor hears by e-mail and on home, accepts, and both see the match', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee');
      const mentor = await applicant(p, 'mentor', { capacity: 2 });
      const menteeClient = await sessionFor(mentee.userId);
      const mentorClient = await sessionFor(mentor.userId);

      const res = await ask(menteeClient, mentor.userId, 'Could you help me plan my first storytime?');
      expect(res.statusCode, res.body).toBe(201);
      const request = res.json() as MentorRequest;
      expect(request).toMatchObject({
        id: expect.any(Number),
        status: 'pending',
        periodId: p,
        mentee: { userId: mentee.userId, name: mentee.name },
        mentor: { userId: mentor.userId, name: mentor.name },
        note: 'Could you help me plan my first storytime?',
        matchId: null,
        menteeGlimpse: null,
      });
      expect(Date.parse(request.expiresAt)).toBeGreaterThan(Date.parse(START) + 7 * 24 * 60 * MINUTE);

      const received = ((await mentorClient.get('/api/my/mentor-requests')).json() as MyMentorRequests).received;
      expect(received.map((r) => [r.id, r.status])).toEqual([[request.id, 'pending']]);
      expect(received[0]?.menteeGlimpse).toMatchObject({ jobTitle: mentee.answers.jobTitle });
      expect(((await menteeClient.get('/api/my/mentor-requests')).json() as MyMentorRequests).sent.map((r) => r.id)).toEqual([request.id]);
      const [mail, ...more] = await mailsTo(mentor.email, 'mentor-request');
      expect(more).toEqual([]);
      expect(mail?.text_body).toMatch(new RegExp(`https?://\\S+/requests/${request.id}\\b`));
      expect(mail?.text_body).toContain('Could you help me plan my first storytime?');
      const mine = await suggestionsOf(menteeClient);
      expect(mine.pendingRequests).toBe(1);
      expect(mine.suggestions.find((s) => s.mentorId === mentor.userId)?.pendingRequestId).toBe(request.id);

      const accepted = await mentorClient.post(`/api/mentor-requests/${request.id}/accept`, { note: 'Gladly!' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const { matchId } = accepted.json() as { matchId: number; request: MentorRequest };
      expect(accepted.json()).toMatchObject({ request: { id: request.id, status: 'accepted', matchId, answerNote: 'Gladly!' } });

      const hers = await activeMatches(menteeClient);
      expect(hers.map((m) => [m.id, m.myRole, m.partner.name])).toEqual([[matchId, 'mentee', mentor.name]]);
      const his = await activeMatches(mentorClient);
      expect(his.map((m) => [m.id, m.myRole, m.partner.name])).toEqual([[matchId, 'mentor', mentee.name]]);
      expect(await mailsTo(mentee.email, 'match-announcement')).toHaveLength(1);
      expect(await mailsTo(mentor.email, 'match-announcement')).toHaveLength(1);
      const statuses = await ctx.deps.db
        .selectFrom('applications')
        .select('status')
        .where('id', 'in', [mentee.applicationId, mentor.applicationId])
        .execute();
      expect(statuses.map((s) => s.status)).toEqual(['matched', 'matched']);
      const audit = await ctx.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'mentor_request')
        .where('entity_id', '=', String(request.id))
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['mentor_request.accepted', 'mentor_request.created']);
      expect(await suggestionsOf(menteeClient)).toMatchObject({ state: 'matched', suggestions: [] });
      // Accepting again changes nothing.
      const before = await footprint();
      expectError(await mentorClient.post(`/api/mentor-requests/${request.id}/accept`), 409, 'REQUEST_CLOSED');
      expect(await footprint()).toEqual(before);
    });

    it('refuses a full mentor, oneself, a mentor outside the period or unknown, a colleague, a mentor twice, too many at once and bad bodies, changing nothing', async () => {
      await at(START);
      const p = await period('participant_choice');
      const other = await period('participant_choice');
      const mentee = await applicant(p, 'mentee', { employer: 'Maple Street Library' });
      const full = await fullMentor(p);
      const outsider = await applicant(other, 'mentor');
      const colleague = await applicant(p, 'mentor', { employer: 'MAPLE street library' });
      const first = await applicant(p, 'mentor');
      const second = await applicant(p, 'mentor');
      // She offers to mentor too, in the same period: she is never her own suggestion.
      await insertApplication(ctx.deps.db, {
        periodId: p,
        userId: mentee.userId,
        role: 'mentor',
        status: 'accepted',
        answers: answersFor('mentor', 0, { ...FIT, employer: 'Her own side job', capacity: 2 }),
        at: START,
      });
      const client = await sessionFor(mentee.userId);
      const ids = (await suggestionsOf(client)).suggestions.map((s) => s.mentorId);
      expect(ids).toContain(first.userId);
      expect(ids).not.toContain(mentee.userId);

      let before = await footprint();
      expectError(await ask(client, full.userId), 409, 'MENTOR_FULL');
      expectError(await ask(client, mentee.userId), 422, 'CANNOT_ASK_YOURSELF');
      expectError(await ask(client, outsider.userId), 422, 'NOT_A_CANDIDATE');
      expectError(await ask(client, 2_000_000_000), 422, 'NOT_A_CANDIDATE');
      const sameEmployer = await ask(client, colleague.userId);
      expectError(sameEmployer, 422, 'NOT_A_CANDIDATE');
      expect(sameEmployer.json().message).toContain('employer');
      for (const body of [
        { mentorId: second.userId, note: 'x'.repeat(1001) },
        { mentorId: String(second.userId), note: 'Hello' },
        { mentorId: 1.5, note: 'Hello' },
        { mentorId: -3, note: 'Hello' },
        { mentorId: second.userId, note: 5 },
        { mentorId: second.userId },
        { note: 'Hello' },
        { mentorId: second.userId, note: 'Hello', status: 'accepted' },
        [second.userId],
      ]) {
        const res = await client.post('/api/mentor-requests', body);
        expectError(res, 400);
      }
      expect(await footprint()).toEqual(before);

      // With one request waiting (a note of exactly the limit is fine): not the same mentor again, and not a second one.
      const pending = await asked(client, first.userId, 'y'.repeat(1000));
      expect(pending.note).toHaveLength(1000);
      before = await footprint();
      expectError(await ask(client, first.userId), 409, 'ALREADY_ASKED');
      const tooMany = await ask(client, second.userId);
      expectError(tooMany, 409, 'TOO_MANY_REQUESTS');
      expect(tooMany.json().message).toContain('one mentor at a time');
      expect(await footprint()).toEqual(before);
    });

    it('lets a mentee ask N mentors at once when the settings say N, and refuses one more', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee');
      const mentors = [await applicant(p, 'mentor'), await applicant(p, 'mentor'), await applicant(p, 'mentor')];
      const client = await sessionFor(mentee.userId);
      expect((await staff.patch('/api/settings', { requestsAtOnce: 2 })).statusCode).toBe(200);
      try {
        expect((await suggestionsOf(client)).requestsAtOnce).toBe(2);
        const [a, b, c] = mentors as [Applicant, Applicant, Applicant];
        const firstRequest = await asked(client, a.userId);
        await asked(client, b.userId);
        const before = await footprint();
        const third = await ask(client, c.userId);
        expectError(third, 409, 'TOO_MANY_REQUESTS');
        expect(third.json().message).toContain('2 mentors at a time');
        expect(await footprint()).toEqual(before);
        // Withdrawing one frees a place.
        expect((await client.post(`/api/mentor-requests/${firstRequest.id}/withdraw`)).statusCode).toBe(200);
        await asked(client, c.userId);
        expect((await suggestionsOf(client)).pendingRequests).toBe(2);
        for (const bad of [0, 6, 1.5, '2']) expect((await staff.patch('/api/settings', { requestsAtOnce: bad })).statusCode).toBe(400);
        expect((await staff.patch('/api/settings', { requestExpiryDays: 0 })).statusCode).toBe(400);
      } finally {
        expect((await staff.patch('/api/settings', { requestsAtOnce: 1 })).statusCode).toBe(200);
      }
    });

    it('only the request’s mentor may accept; an expired or withdrawn request is refused; nothing changes', async () => {
      await at(START);
      const p = await period('participant_choice');
      const [mentee, mentee2, mentee3] = [await applicant(p, 'mentee'), await applicant(p, 'mentee'), await applicant(p, 'mentee')];
      const [mentor, mentor2, mentor3, otherMentor] = [
        await applicant(p, 'mentor'),
        await applicant(p, 'mentor'),
        await applicant(p, 'mentor'),
        await applicant(p, 'mentor'),
      ];
      const stranger = await applicant(p, 'mentee');
      const request = await asked(await sessionFor(mentee.userId), mentor.userId);
      const withdrawn = await asked(await sessionFor(mentee2.userId), mentor2.userId);
      const lapsing = await asked(await sessionFor(mentee3.userId), mentor3.userId);
      const menteeClient = await sessionFor(mentee.userId);
      const mentorClient = await sessionFor(mentor.userId);
      const accept = (client: Client, id: number, body?: unknown) => client.post(`/api/mentor-requests/${id}/accept`, body);

      let before = await footprint();
      for (const client of [await sessionFor(otherMentor.userId), await sessionFor(stranger.userId), menteeClient]) {
        expectError(await accept(client, request.id), 404, 'NOT_FOUND');
        expectError(await client.post(`/api/mentor-requests/${request.id}/decline`), 404, 'NOT_FOUND');
      }
      expectError(await (await sessionFor(otherMentor.userId)).get(`/api/mentor-requests/${request.id}`), 404, 'NOT_FOUND');
      expectError(await mentorClient.post(`/api/mentor-requests/${request.id}/withdraw`), 404, 'NOT_FOUND');
      expectError(await accept(mentorClient, 2_000_000_000), 404, 'NOT_FOUND');
      expectError(await accept(mentorClient, request.id, { note: 'z'.repeat(1001) }), 400);
      expectError(await accept(mentorClient, request.id, { note: 'Yes', extra: true }), 400);
      expect(await footprint()).toEqual(before);

      // Withdrawn by the mentee: the mentor can no longer accept it.
      expect((await (await sessionFor(mentee2.userId)).post(`/api/mentor-requests/${withdrawn.id}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      before = await footprint();
      const mentor2Client = await sessionFor(mentor2.userId);
      expectError(await accept(mentor2Client, withdrawn.id), 409, 'REQUEST_CLOSED');
      expectError(await mentor2Client.post(`/api/mentor-requests/${withdrawn.id}/decline`), 409, 'REQUEST_CLOSED');
      expect(await footprint()).toEqual(before);

      // Past its time: refused as gone, even before the expiry job has run.
      await at(Date.parse(lapsing.expiresAt) + MINUTE);
      const mentor3Client = await sessionFor(mentor3.userId);
      expect((await mentor3Client.get(`/api/mentor-requests/${lapsing.id}`)).json()).toMatchObject({ status: 'expired' });
      before = await footprint();
      expectError(await accept(mentor3Client, lapsing.id), 410, 'REQUEST_EXPIRED');
      expect(await footprint()).toEqual(before);
      expect((await requestRow(lapsing.id)).status).toBe('pending');
    });

    it('two acceptances racing for a mentor’s last place: exactly one wins, and the other mentee is told', async () => {
      for (let round = 0; round < 3; round++) {
        await at(START);
        const p = await period('participant_choice');
        const mentor = await applicant(p, 'mentor', { capacity: 1 });
        const ada = await applicant(p, 'mentee');
        const bea = await applicant(p, 'mentee');
        const forAda = await asked(await sessionFor(ada.userId), mentor.userId);
        const forBea = await asked(await sessionFor(bea.userId), mentor.userId);
        const mentorClient = await sessionFor(mentor.userId);
        const [a, b] = await Promise.all([
          mentorClient.post(`/api/mentor-requests/${forAda.id}/accept`),
          mentorClient.post(`/api/mentor-requests/${forBea.id}/accept`),
        ]);
        expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 409]);
        const loser = a.statusCode === 200 ? b : a;
        expect(['MENTOR_FULL', 'REQUEST_CLOSED']).toContain(loser.json().code);
        const matches = await ctx.deps.db
          .selectFrom('matches')
          .select('mentee_user_id')
          .where('mentor_user_id', '=', mentor.userId)
          .execute();
        expect(matches).toHaveLength(1);
        const [winner, lost] = a.statusCode === 200 ? [ada, bea] : [bea, ada];
        expect(matches[0]?.mentee_user_id).toBe(winner.userId);
        const [winnerRequest, lostRequest] = a.statusCode === 200 ? [forAda, forBea] : [forBea, forAda];
        expect((await requestRow(winnerRequest.id)).status).toBe('accepted');
        expect((await requestRow(lostRequest.id)).status).toBe('cancelled');
        const closed = await mailsTo(lost.email, 'mentor-request-closed');
        expect(closed).toHaveLength(1);
        expect(closed[0]?.text_body).toContain('no places left');
        expect(await mailsTo(lost.email, 'match-announcement')).toEqual([]);
        expect(await mailsTo(winner.email, 'match-announcement')).toHaveLength(1);
        // The mentor is full now: no longer suggested to the mentee who lost.
        const left = await suggestionsOf(await sessionFor(lost.userId));
        expect(left.suggestions.map((s) => s.mentorId)).not.toContain(mentor.userId);
        expect(left).toMatchObject({ state: 'choosing', pendingRequests: 0 });
      }
    });
  });

  describe('asking twice at once', () => {
    it('two tabs asking at the same moment: the limit and the one-request-per-mentor rule hold', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee');
      const [a, b] = [await applicant(p, 'mentor'), await applicant(p, 'mentor')];
      const tab1 = await sessionFor(mentee.userId);
      const tab2 = await sessionFor(mentee.userId);
      const two = await Promise.all([ask(tab1, a.userId), ask(tab2, b.userId)]);
      expect(two.map((r) => r.statusCode).sort(), two.map((r) => r.body).join(' ')).toEqual([201, 409]);
      expect(two.find((r) => r.statusCode === 409)?.json().code).toBe('TOO_MANY_REQUESTS');
      const pending = (
        await ctx.deps.db.selectFrom('mentor_requests').select('status').where('mentee_user_id', '=', mentee.userId).execute()
      ).map((r) => r.status);
      expect(pending).toEqual(['pending']);

      const other = await applicant(p, 'mentee');
      const [t1, t2] = [await sessionFor(other.userId), await sessionFor(other.userId)];
      const same = await Promise.all([ask(t1, a.userId), ask(t2, a.userId)]);
      expect(same.map((r) => r.statusCode).sort(), same.map((r) => r.body).join(' ')).toEqual([201, 409]);
      expect(['ALREADY_ASKED', 'TOO_MANY_REQUESTS']).toContain(same.find((r) => r.statusCode === 409)?.json().code);
      expect(
        await ctx.deps.db.selectFrom('mentor_requests').select('id').where('mentee_user_id', '=', other.userId).execute(),
      ).toHaveLength(1);
      // One e-mail per request made, none for a refused one.
      expect((await mailsTo(a.email, 'mentor-request')).length + (await mailsTo(b.email, 'mentor-request')).length).toBe(2);
    });
  });

  describe('expiry', () => {
    it('a request nobody answers lapses at the end of its last day; the job tells the mentee once', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee');
      const mentor = await applicant(p, 'mentor');
      const later = await applicant(p, 'mentor');
      const request = await asked(await sessionFor(mentee.userId), mentor.userId);
      // Asked on Tuesday 1 September at 10:00 in Chicago, with 7 days: it lapses when 8 September ends there.
      expect(request.expiresAt).toBe('2026-09-09T05:00:00.000Z');
      const expiresAt = Date.parse(request.expiresAt);
      const runner: JobRunner = createJobRunner(ctx.deps, { workerId: 'choice-test' });
      const drain = async () => {
        const kinds: string[] = [];
        for (let empty = 0; empty < 2;) {
          const report = await runner.runOnce();
          kinds.push(...report.jobs.map((j) => `${j.kind}:${j.result}`));
          empty = report.claimed === 0 ? empty + 1 : 0;
        }
        return kinds;
      };

      await at(expiresAt - MINUTE);
      await drain();
      expect((await requestRow(request.id)).status).toBe('pending');
      expect(await mailsTo(mentee.email, 'mentor-request-expired')).toEqual([]);

      await at(expiresAt + MINUTE);
      expect(await drain()).toContain('mentor-requests.expire:done');
      expect((await requestRow(request.id)).status).toBe('expired');
      const mails = await mailsTo(mentee.email, 'mentor-request-expired');
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text_body).toContain(mentor.name);
      expect(mails[0]?.text_body).toContain('7 days');
      const menteeClient = await sessionFor(mentee.userId);
      expect((await menteeClient.get(`/api/mentor-requests/${request.id}`)).json()).toMatchObject({ status: 'expired' });

      // Running again, in the next slot, sends nothing more.
      const outbox = await countOf('outbox');
      await at(expiresAt + 20 * MINUTE);
      expect(await drain()).toContain('mentor-requests.expire:done');
      expect(await countOf('outbox')).toBe(outbox);
      expect(await mailsTo(mentee.email, 'mentor-request-expired')).toHaveLength(1);
      // The mentee is free to ask again.
      await asked(await sessionFor(mentee.userId), later.userId);
    });
  });

  describe('after a request lapses', () => {
    it('the mentee may ask the same mentor again at once, before the expiry job has run', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentee = await applicant(p, 'mentee');
      const mentor = await applicant(p, 'mentor');
      const first = await asked(await sessionFor(mentee.userId), mentor.userId);
      await at(Date.parse(first.expiresAt) + MINUTE);
      const client = await sessionFor(mentee.userId);
      expect((await client.get(`/api/mentor-requests/${first.id}`)).json()).toMatchObject({ status: 'expired' });
      const mine = await suggestionsOf(client);
      expect(mine.pendingRequests).toBe(0);
      expect(mine.suggestions.find((s) => s.mentorId === mentor.userId)?.pendingRequestId).toBeNull();
      const again = await ask(client, mentor.userId);
      expect(again.statusCode, again.body).toBe(201);
      expect((await requestRow(first.id)).status).toBe('expired');
      // Told once that the first lapsed: the job, coming round later, sends nothing more.
      expect(await mailsTo(mentee.email, 'mentor-request-expired')).toHaveLength(1);
      await createJobRunner(ctx.deps, { workerId: 'lapse-test' }).runOnce();
      expect(await mailsTo(mentee.email, 'mentor-request-expired')).toHaveLength(1);
      expect((await requestRow((again.json() as MentorRequest).id)).status).toBe('pending');
    });
  });

  describe('mentor cards', () => {
    const png = () =>
      sharp({ create: { width: 50, height: 40, channels: 3, background: '#c33' } })
        .png()
        .toBuffer();
    const upload = async (client: Client, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) => {
      const { body, contentType } = await multipart(fields, file);
      return client.request('PUT', '/api/my/mentor-card/photo', body, { 'content-type': contentType });
    };
    const storedFiles = () => fs.readdirSync(ctx.deps.config.uploadDir).sort();

    it('takes a real photo, crops and resizes it to a 320-pixel WebP square, and refuses a non-image or a file over 5 MB', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentor = await applicant(p, 'mentor');
      const client = await sessionFor(mentor.userId);
      const files = storedFiles();
      const cards = await countOf('mentor_cards');
      const audit = await countOf('audit_log');

      expectError(
        await upload(client, { alt: 'Me' }, { name: 'me.png', type: 'image/png', bytes: Buffer.from('not a picture at all\n') }),
        415,
        'NOT_AN_IMAGE',
      );
      expectError(
        await upload(client, { alt: 'Me' }, { name: 'me.png', type: 'image/png', bytes: Buffer.alloc(5 * 1024 * 1024 + 100 * 1024, 7) }),
        413,
        'FILE_TOO_LARGE',
      );
      expectError(await upload(client, {}, { name: 'me.png', type: 'image/png', bytes: await png() }), 400);
      expectError(await upload(client, { alt: 'Me' }), 400, 'NO_FILE');
      expectError(await client.request('PUT', '/api/my/mentor-card/photo', { alt: 'Me' }), 415, 'NOT_MULTIPART');
      const notAMentor = await sessionFor((await applicant(p, 'mentee')).userId);
      expectError(await upload(notAMentor, { alt: 'Me' }, { name: 'me.png', type: 'image/png', bytes: await png() }), 422, 'NOT_A_MENTOR');
      expect(storedFiles()).toEqual(files);
      expect(await countOf('mentor_cards')).toBe(cards);
      expect(await countOf('audit_log')).toBe(audit);

      const res = await upload(
        client,
        { alt: 'Smiling in the children’s room' },
        { name: 'me.png', type: 'image/png', bytes: await png() },
      );
      expect(res.statusCode, res.body).toBe(200);
      const card = (res.json() as { card: { photoUrl: string; photoAlt: string } }).card;
      expect(card.photoAlt).toBe('Smiling in the children’s room');
      expect(card.photoUrl).toMatch(new RegExp(`^/api/mentor-cards/${mentor.userId}/photo\\?v=`));
      expect(storedFiles()).toHaveLength(files.length + 1); // the resized photo only, not the upload
      const photo = await client.get(card.photoUrl);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/webp');
      const meta = await sharp(photo.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 320]);

      // A new photo replaces the old file; removing it leaves none.
      const again = await upload(client, { alt: 'Again' }, { name: 'me.png', type: 'image/png', bytes: await png() });
      expect(again.statusCode).toBe(200);
      expect(storedFiles()).toHaveLength(files.length + 1);
      const removed = await del(client, '/api/my/mentor-card/photo');
      expect(removed.json()).toMatchObject({ card: { photoUrl: null } });
      expect(storedFiles()).toEqual(files);
      expect((await client.get(card.photoUrl)).statusCode).toBe(404);
    });

    it('shows a mentor’s photo only to a mentee choosing in the same period, staff and the mentor', async () => {
      await at(START);
      const p = await period('participant_choice');
      const c = await period('committee');
      const otherChoice = await period('participant_choice');
      const mentor = await applicant(p, 'mentor');
      // She also offers places in a committee period, where mentees do not choose.
      await insertApplication(ctx.deps.db, {
        periodId: c,
        userId: mentor.userId,
        role: 'mentor',
        status: 'accepted',
        answers: mentor.answers,
        at: START,
      });
      const mentorClient = await sessionFor(mentor.userId);
      const { body, contentType } = await multipart({ alt: 'Portrait' }, { name: 'p.png', type: 'image/png', bytes: await png() });
      const uploaded = await mentorClient.request('PUT', '/api/my/mentor-card/photo', body, { 'content-type': contentType });
      expect(uploaded.statusCode, uploaded.body).toBe(200);
      const url = `/api/mentor-cards/${mentor.userId}/photo`;
      const offer = await mentorClient.request('PUT', '/api/my/mentor-card', {
        offer: 'Storytime coaching, and budgets.',
        photoAlt: 'Portrait',
      });
      expect(offer.statusCode, offer.body).toBe(200);
      expectError(await mentorClient.request('PUT', '/api/my/mentor-card', { offer: 'o'.repeat(601), photoAlt: '' }), 400);
      expectError(await mentorClient.request('PUT', '/api/my/mentor-card', { offer: 'Fine', photoAlt: '', email: 'x@example.org' }), 400);
      // Leaving the description out keeps it; blanking it while there is a photo is refused.
      expectError(await mentorClient.request('PUT', '/api/my/mentor-card', { offer: 'Fine', photoAlt: '  ' }), 422, 'PHOTO_ALT_REQUIRED');
      const offerOnly = await mentorClient.request('PUT', '/api/my/mentor-card', { offer: 'Storytime coaching, and budgets.' });
      expect(offerOnly.statusCode, offerOnly.body).toBe(200);

      const chooser = await sessionFor((await applicant(p, 'mentee')).userId);
      const committeeMentee = await sessionFor((await applicant(c, 'mentee')).userId);
      const unrelated = await sessionFor((await applicant(otherChoice, 'mentee')).userId);
      const nobody = await sessionFor((await createPerson(ctx.deps, [])).id);
      const anonymous = new Client(ctx.app);
      for (const [who, client, status] of [
        ['the mentor', mentorClient, 200],
        ['staff', staff, 200],
        ['a mentee choosing in the period', chooser, 200],
        ['a mentee in a committee period with the mentor', committeeMentee, 404],
        ['a mentee choosing in another period', unrelated, 404],
        ['someone with no application', nobody, 404],
        ['anonymous', anonymous, 401],
      ] as const) {
        expect((await client.get(url)).statusCode, who).toBe(status);
      }
      // The suggestion's card points at the same photo, for the chooser.
      const card = (await suggestionsOf(chooser)).suggestions.find((s) => s.mentorId === mentor.userId)?.card;
      expect(card?.photoUrl).toMatch(new RegExp(`^${url}\\?v=`));
      expect(card?.photoAlt).toBe('Portrait');
      expect(card?.offer).toBe('Storytime coaching, and budgets.');
    });
  });

  describe('staff', () => {
    it('see every request of a period with counts, and can decline or close one (the mentee hears); participants cannot', async () => {
      await at(START);
      const p = await period('participant_choice');
      const mentees = [await applicant(p, 'mentee'), await applicant(p, 'mentee'), await applicant(p, 'mentee')] as const;
      const mentors = [await applicant(p, 'mentor'), await applicant(p, 'mentor'), await applicant(p, 'mentor')] as const;
      const r0 = await asked(await sessionFor(mentees[0].userId), mentors[0].userId);
      const r1 = await asked(await sessionFor(mentees[1].userId), mentors[1].userId);
      const r2 = await asked(await sessionFor(mentees[2].userId), mentors[2].userId);

      const list = await staff.get(`/api/periods/${p}/mentor-requests`);
      expect(list.statusCode, list.body).toBe(200);
      const view = list.json() as PeriodMentorRequests;
      expect(view.period).toMatchObject({ id: p, mode: 'participant_choice' });
      expect(view.counts).toMatchObject({ pending: 3, accepted: 0, declined: 0, cancelled: 0 });
      expect(view.requests.map((r) => r.id).sort()).toEqual([r0.id, r1.id, r2.id].sort());
      expect(view.requests.every((r) => r.menteeGlimpse !== null)).toBe(true);

      const declined = await staff.post(`/api/mentor-requests/${r0.id}/decline`, { note: 'She is away until spring.' });
      expect(declined.json()).toMatchObject({ status: 'declined', answerNote: 'She is away until spring.' });
      const declinedMail = await mailsTo(mentees[0].email, 'mentor-request-declined');
      expect(declinedMail).toHaveLength(1);
      expect(declinedMail[0]?.text_body).toContain('She is away until spring.');
      // A "no" stands: the mentor is no longer suggested to her, and asking again is refused.
      const refused = await sessionFor(mentees[0].userId);
      expect((await suggestionsOf(refused)).suggestions.map((s) => s.mentorId)).not.toContain(mentors[0].userId);
      expectError(await ask(refused, mentors[0].userId), 409, 'ALREADY_DECLINED');

      const closed = await staff.post(`/api/mentor-requests/${r1.id}/withdraw`, { note: 'We have a better fit for you.' });
      expect(closed.json()).toMatchObject({ status: 'cancelled' });
      const closedMail = await mailsTo(mentees[1].email, 'mentor-request-closed');
      expect(closedMail).toHaveLength(1);
      expect(closedMail[0]?.text_body).toContain('We have a better fit for you.');

      expect(((await staff.get(`/api/periods/${p}/mentor-requests`)).json() as PeriodMentorRequests).counts).toMatchObject({
        pending: 1,
        declined: 1,
        cancelled: 1,
      });
      for (const who of [mentors[2], mentees[2]]) {
        const client = await sessionFor(who.userId);
        expectError(await client.get(`/api/periods/${p}/mentor-requests`), 403);
      }
      const committee = await sessionFor((await createPerson(ctx.deps, ['committee'])).id);
      expectError(await committee.get(`/api/periods/${p}/mentor-requests`), 403);
      expectError(await staff.get('/api/periods/2000000000/mentor-requests'), 404);
    });
  });

  describe('hybrid', () => {
    it('a mentee ranks suggested mentors; one not suggested is refused; the committee’s run counts the wish and says so', async () => {
      await at(START);
      const h = await period('hybrid');
      const elsewhereChoice = await period('hybrid');
      const mentee = await applicant(h, 'mentee', { employer: 'Cedar Library' });
      const closest = await applicant(h, 'mentor');
      // Differs only in region: a few points behind, within a first wish's bonus.
      const wished = await applicant(h, 'mentor', { region: 'US-WI' });
      const colleague = await applicant(h, 'mentor', { employer: 'Cedar Library' });
      const outsider = await applicant(elsewhereChoice, 'mentor');
      const client = await sessionFor(mentee.userId);

      const mine = await suggestionsOf(client);
      expect(mine).toMatchObject({ state: 'choosing', period: { id: h, mode: 'hybrid' } });
      expect(mine.suggestions.map((s) => s.mentorId)).toEqual([closest.userId, wished.userId]);
      const [first, second] = mine.suggestions;
      expect((first?.score ?? 0) - (second?.score ?? 0)).toBeGreaterThan(0);
      expect((first?.score ?? 0) - (second?.score ?? 0)).toBeLessThan(10);

      const saved = await client.request('PUT', '/api/my/wishes', { mentorIds: [wished.userId] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ mentorIds: [wished.userId] });
      expect((await client.get('/api/my/wishes')).json()).toEqual({ mentorIds: [wished.userId] });
      expect((await suggestionsOf(client)).suggestions.map((s) => [s.mentorId, s.wishRank])).toEqual([
        [closest.userId, null],
        [wished.userId, 1],
      ]);

      const wishes = await countOf('mentee_wishes');
      const audit = await countOf('audit_log');
      for (const ids of [[colleague.userId], [outsider.userId], [wished.userId, 2_000_000_000]]) {
        expectError(await client.request('PUT', '/api/my/wishes', { mentorIds: ids }), 422, 'NOT_A_CANDIDATE');
      }
      for (const body of [{ mentorIds: [wished.userId, wished.userId] }, { mentorIds: [1, 2, 3, 4, 5, 6] }, { mentorIds: 'x' }, {}]) {
        expectError(await client.request('PUT', '/api/my/wishes', body), 400);
      }
      expect(await countOf('mentee_wishes')).toBe(wishes);
      expect(await countOf('audit_log')).toBe(audit);
      expect((await client.get('/api/my/wishes')).json()).toEqual({ mentorIds: [wished.userId] });
      // In a hybrid period the committee matches: mentees do not ask.
      expectError(await ask(client, wished.userId), 409, 'NOT_CHOOSING');

      const run = await runMatching(staff, ctx.deps, h);
      expect(run.status).toBe('done');
      const pair = run.result?.pairs.find((x) => x.menteeApplicationId === mentee.applicationId);
      expect(pair?.mentorApplicationId).toBe(wished.applicationId);
      expect(pair?.reasons.map((r) => r.text)).toContainEqual(expect.stringMatching(/asked for this mentor \(1st choice\)/));
      // The reported score stays the pair's own.
      expect(pair?.score).toBeCloseTo(second?.score ?? 0, 0);
    });
  });

  describe('period mode', () => {
    it('can change until the period is active; then it is locked with 409 MODE_LOCKED', async () => {
      await at(START);
      const created = await staff.post('/api/periods', { name: 'Mode test period', ...OPEN_DATES, matchingMode: 'participant_choice' });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: number; matchingMode: string }).id;
      expect(created.json()).toMatchObject({ matchingMode: 'participant_choice' });
      expect((await staff.patch(`/api/periods/${id}`, { matchingMode: 'hybrid' })).json()).toMatchObject({ matchingMode: 'hybrid' });
      expectError(await staff.patch(`/api/periods/${id}`, { matchingMode: 'lottery' }), 400);
      for (let k = 1; k <= PATH.indexOf('active'); k++) {
        await setPeriodStatus(ctx.deps.db, id, PATH[k - 1] as PeriodStatus, PATH[k] as PeriodStatus, ctx.clock.now().toISOString());
      }
      const audit = await countOf('audit_log');
      const locked = await staff.patch(`/api/periods/${id}`, { matchingMode: 'committee' });
      expectError(locked, 409, 'MODE_LOCKED');
      expect(await countOf('audit_log')).toBe(audit);
      expect((await staff.get(`/api/periods/${id}`)).json()).toMatchObject({ matchingMode: 'hybrid' });
      // Other changes, and naming the same mode, still work.
      const renamed = await staff.patch(`/api/periods/${id}`, { name: 'Mode test period, renamed', matchingMode: 'hybrid' });
      expect(renamed.statusCode, renamed.body).toBe(200);
    });
  });
});
