import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { insertPeriod, setPeriodStatus } from '../../src/features/periods/periods.store.ts';
import type { MatchRematchState, MyRematchRequest, RematchCandidates, RematchQueue } from '../../src/shared/api/rematch.ts';
import { instantAt } from '../../src/time/zoned.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch, testAnswers } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, createPerson, setUpProgram, signedIn, sessionClient } from '../setup/test-app.ts';
import type { TestContext, Client } from '../setup/test-app.ts';

const DATES = {
  applicationsOpenOn: '2026-07-01',
  applicationsCloseOn: '2026-07-31',
  matchesAnnouncedOn: '2026-08-15',
  programEndsOn: '2027-07-31',
  surveyOpensOn: '2027-07-01',
  surveyClosesOn: '2027-07-21',
};
const NEXT_DATES = {
  applicationsOpenOn: '2027-07-01',
  applicationsCloseOn: '2027-07-31',
  matchesAnnouncedOn: '2027-08-15',
  programEndsOn: '2028-07-31',
  surveyOpensOn: '2028-07-01',
  surveyClosesOn: '2028-07-21',
};
// Matched 20 September 2026 at 10:00 in Chicago: the window's last day is 4 November, after the
// clocks go back on 1 November, so it ends at 06:00 UTC on 5 November.
const MATCHED_AT = instantAt('2026-09-20', '10:00', 'America/Chicago').toISOString();
const CLOSES_AT = Date.parse('2026-11-05T06:00:00.000Z');
const MINUTE = 60_000;

describeEachDialect('re-match guarantee', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let periodId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps); // America/Chicago, 45 days
    staffId = (await signedIn(ctx, ['staff'])).id;
    periodId = await insertPeriod(ctx.deps.db, { name: '2026–27', ...DATES, at: ctx.clock.now().toISOString() });
    await ctx.deps.db.updateTable('periods').set({ status: 'active' }).where('id', '=', periodId).execute();
  });
  afterAll(() => ctx.close());

  const sessionFor = (userId: number): Promise<Client> => sessionClient(ctx, userId);
  const at = async (instant: number | string) => {
    ctx.clock.set(new Date(instant));
    staff = await sessionFor(staffId);
  };
  const pair = async (opts: { matchedAt?: string; mentorAnswers?: Record<string, unknown> } = {}) => {
    const match = await createTestMatch(ctx.deps, {
      periodId,
      matchedAt: opts.matchedAt ?? MATCHED_AT,
      ...(opts.mentorAnswers && { mentorAnswers: opts.mentorAnswers }),
    });
    return { match, mentor: await sessionFor(match.mentorId), mentee: await sessionFor(match.menteeId) };
  };
  /** A person waiting in the period's pool (accepted, not matched). */
  const waiting = async (role: 'mentor' | 'mentee', answers: Record<string, unknown> = {}) => {
    const person = await createPerson(ctx.deps, [role]);
    const applicationId = await insertApplication(ctx.deps.db, {
      periodId,
      userId: person.id,
      role,
      status: 'accepted',
      answers: testAnswers({ yearsExperience: role === 'mentor' ? 12 : 1, ...answers }),
      at: ctx.clock.now().toISOString(),
    });
    return { ...person, applicationId };
  };
  const ask = (client: Client, match: TestMatch, body: unknown = { reason: 'We never found a time to talk.' }) =>
    client.post(`/api/matches/${match.id}/rematch-requests`, body);

  describe('asking', () => {
    it('accepts a request one minute before the window closes, across the daylight-saving change', async () => {
      await at(CLOSES_AT - MINUTE);
      const { match, mentee } = await pair();
      const res = await ask(mentee, match, { reason: 'Our schedules never meet.', wishes: 'Someone in a school library.' });
      expect(res.statusCode).toBe(201);
      const body = res.json() as MyRematchRequest;
      expect(body).toMatchObject({
        status: 'open',
        side: 'mentee',
        reason: 'Our schedules never meet.',
        wishes: 'Someone in a school library.',
      });
      expect(typeof body.id).toBe('number');
    });

    it('refuses one a minute after, naming the date and the program contact, and writes nothing', async () => {
      await at(CLOSES_AT - MINUTE);
      const { match, mentee } = await pair();
      await at(CLOSES_AT + MINUTE);
      await staff.patch('/api/settings', { goalSheetContact: { name: 'Dana Reyes', email: 'dana@example.org' } });
      await mentee.get('/api/me'); // the session's last-seen moves on its first request after the clock jump
      const before = await snapshotDatabase(ctx.deps.db);
      const res = await ask(mentee, match);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'REMATCH_WINDOW_CLOSED' });
      expect(res.json().message).toContain('4 November 2026');
      expect(res.json().message).toContain('dana@example.org');
      expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
      const state = (await mentee.get(`/api/matches/${match.id}/rematch`)).json() as MatchRematchState;
      expect(state).toMatchObject({ open: false, closesOn: '2026-11-04' });
      expect(state.closedMessage).toContain('4 November 2026');
    });

    it('allows one open request per person: the second is 409; a stranger gets 404', async () => {
      await at('2026-10-10T15:00:00.000Z');
      const { match, mentee, mentor } = await pair();
      expect((await ask(mentee, match)).statusCode).toBe(201);
      expect((await ask(mentee, match)).json()).toMatchObject({ code: 'REMATCH_ALREADY_REQUESTED' });
      expect((await ask(mentee, match)).statusCode).toBe(409);
      // The partner may ask too: their own request.
      expect((await ask(mentor, match)).statusCode).toBe(201);
      const stranger = (await signedIn(ctx, ['mentee'])).client;
      expect((await ask(stranger, match)).statusCode).toBe(404);
      expect((await stranger.get(`/api/matches/${match.id}/rematch`)).statusCode).toBe(404);
      expect((await staff.post(`/api/matches/${match.id}/rematch-requests`, { reason: 'x' })).statusCode).toBe(404);
    });

    it('rejects an empty or 5,000-character reason with a clear 400 and writes nothing', async () => {
      await at('2026-10-10T15:00:00.000Z');
      const { match, mentee } = await pair();
      const before = await snapshotDatabase(ctx.deps.db);
      for (const body of [
        { reason: '' },
        { reason: '   ' },
        { reason: 'x'.repeat(5000) },
        {},
        { reason: 'ok', wishes: 'y'.repeat(5000) },
        { reason: 'ok', extra: 1 },
      ]) {
        const res = await ask(mentee, match, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
      expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
    });

    it('never shows the reason to the partner; the requester can withdraw until staff act', async () => {
      await at('2026-10-10T15:00:00.000Z');
      const { match, mentee, mentor } = await pair();
      const created = (await ask(mentee, match, { reason: 'A very private reason 7f3a' })).json() as MyRematchRequest;
      for (const url of [`/api/matches/${match.id}/rematch`, '/api/my/rematch', `/api/matches/${match.id}/workspace`, '/api/my/matches']) {
        const res = await mentor.get(url);
        expect(res.body, url).not.toContain('7f3a');
      }
      const mails = await ctx.deps.db.selectFrom('outbox').select(['to_address', 'text_body']).execute();
      expect(mails.filter((m) => m.text_body.includes('7f3a'))).toEqual([]);
      // Someone else cannot withdraw it.
      expect((await mentor.post(`/api/rematch-requests/${created.id}/withdraw`)).statusCode).toBe(404);
      const withdrawn = await mentee.post(`/api/rematch-requests/${created.id}/withdraw`);
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
      expect((await mentee.post(`/api/rematch-requests/${created.id}/withdraw`)).json()).toMatchObject({ code: 'REQUEST_NOT_OPEN' });
    });
  });

  describe('the staff queue', () => {
    it('lists open requests oldest first with the reason and history; participants are refused', async () => {
      await at('2026-10-12T15:00:00.000Z');
      const { match, mentee } = await pair();
      const created = (await ask(mentee, match, { reason: 'Queue reason' })).json() as MyRematchRequest;
      const queue = (await staff.get('/api/rematch-requests')).json() as RematchQueue;
      expect(queue.canAct).toBe(true);
      const item = queue.requests.find((r) => r.id === created.id);
      expect(item).toMatchObject({ reason: 'Queue reason', side: 'mentee', match: { id: match.id, windowClosesOn: '2026-11-04' } });
      expect(item?.history).toMatchObject({ contactsLogged: 0, goalSheetStatus: 'none' });
      const times = queue.requests.map((r) => r.createdAt);
      expect([...times].sort()).toEqual(times);
      expect((await mentee.get('/api/rematch-requests')).statusCode).toBe(403);
    });

    it('the committee reads the queue but cannot act unless the settings allow it', async () => {
      await at('2026-10-12T15:00:00.000Z');
      const { match, mentee } = await pair();
      const created = (await ask(mentee, match)).json() as MyRematchRequest;
      const committee = (await signedIn(ctx, ['committee'])).client;
      const queue = (await committee.get('/api/rematch-requests')).json() as RematchQueue;
      expect(queue.canAct).toBe(false);
      expect(queue.requests.some((r) => r.id === created.id)).toBe(true);
      const keep = await committee.post(`/api/rematch-requests/${created.id}/resolve`, { action: 'keep', note: 'Give it a month.' });
      expect(keep.statusCode).toBe(403);
    });
  });

  describe('acting on a request', () => {
    it('re-matches the mentee with the engine’s best mentor, never the previous one, and the mentor left behind with a new mentee', async () => {
      await at('2026-10-01T15:00:00.000Z');
      const { match, mentee, mentor } = await pair();
      const freeMentor = await waiting('mentor', { interests: ['Storytime'] });
      const freeMentee = await waiting('mentee');
      const created = (await ask(mentee, match)).json() as MyRematchRequest;
      const offers = (await staff.get(`/api/rematch-requests/${created.id}/candidates`)).json() as RematchCandidates;
      expect(offers.requester.candidates.map((c) => c.userId)).toContain(freeMentor.id);
      expect(offers.requester.candidates.map((c) => c.userId)).not.toContain(match.mentorId);
      expect(offers.partner.candidates.map((c) => c.userId)).not.toContain(match.menteeId);
      expect(offers.requester.candidates[0]?.explanation).toEqual(expect.any(String));

      // Re-matching to the previous partner, or to someone outside the pool, is refused and changes nothing.
      const menteeApp = await ctx.deps.db
        .selectFrom('matches')
        .select(['mentor_application_id', 'mentee_application_id'])
        .where('id', '=', match.id)
        .executeTakeFirstOrThrow();
      const before = await snapshotDatabase(ctx.deps.db);
      const toPrevious = await staff.post(`/api/rematch-requests/${created.id}/resolve`, {
        action: 'end',
        requester: { kind: 'rematch', partnerApplicationId: menteeApp.mentor_application_id },
        partner: { kind: 'none' },
      });
      expect(toPrevious.statusCode).toBe(409);
      expect(toPrevious.json()).toMatchObject({ code: 'NOT_A_CANDIDATE' });
      expect(toPrevious.json().message).toContain('previous partner');
      const outsider = await staff.post(`/api/rematch-requests/${created.id}/resolve`, {
        action: 'end',
        requester: { kind: 'rematch', partnerApplicationId: 2_000_000_000 },
        partner: { kind: 'none' },
      });
      expect(outsider.json()).toMatchObject({ code: 'NOT_A_CANDIDATE' });
      expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);

      const res = await staff.post(`/api/rematch-requests/${created.id}/resolve`, {
        action: 'end',
        requester: { kind: 'rematch', partnerApplicationId: freeMentor.applicationId },
        partner: { kind: 'rematch', partnerApplicationId: freeMentee.applicationId },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().newMatchIds).toHaveLength(2);
      const mine = (await mentee.get('/api/my/matches')).json().matches as { status: string; partner: { name: string } }[];
      expect(mine.filter((m) => m.status === 'active').map((m) => m.partner.name)).toEqual([freeMentor.name]);
      const his = (await mentor.get('/api/my/matches')).json().matches as { status: string; partner: { name: string } }[];
      expect(his.filter((m) => m.status === 'active').map((m) => m.partner.name)).toEqual([freeMentee.name]);
      // History on the old match, for staff only.
      const history = await staff.get(`/api/matches/${match.id}/history`);
      expect(history.json().events.map((e: { kind: string }) => e.kind)).toEqual([
        'made',
        'rematch_requested',
        'ended',
        'rematched',
        'rematched',
      ]);
      expect((await mentee.get(`/api/matches/${match.id}/history`)).statusCode).toBe(403);
      // The request is closed; acting again is refused.
      const again = await staff.post(`/api/rematch-requests/${created.id}/resolve`, { action: 'keep', note: 'x' });
      expect(again.json()).toMatchObject({ code: 'REQUEST_NOT_OPEN' });
      // Audit rows.
      const audit = await ctx.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'match')
        .where('entity_id', '=', String(match.id))
        .execute();
      expect(audit.map((a) => a.action)).toContain('rematch_request.resolved');
    });

    it('refuses a full mentor', async () => {
      await at('2026-10-01T15:00:00.000Z');
      const { match, mentee } = await pair();
      const full = await pair({ mentorAnswers: { capacity: 1 } });
      const fullApp = await ctx.deps.db
        .selectFrom('matches')
        .select('mentor_application_id')
        .where('id', '=', full.match.id)
        .executeTakeFirstOrThrow();
      const created = (await ask(mentee, match)).json() as MyRematchRequest;
      const res = await staff.post(`/api/rematch-requests/${created.id}/resolve`, {
        action: 'end',
        requester: { kind: 'rematch', partnerApplicationId: fullApp.mentor_application_id },
        partner: { kind: 'none' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('no place left');
    });

    it('two staff resolving one request at once: exactly one wins', async () => {
      await at('2026-10-01T15:00:00.000Z');
      const { match, mentee } = await pair();
      const created = (await ask(mentee, match)).json() as MyRematchRequest;
      const other = await sessionFor((await createPerson(ctx.deps, ['staff'])).id);
      const [a, b] = await Promise.all([
        staff.post(`/api/rematch-requests/${created.id}/resolve`, { action: 'keep', note: 'Stay a little longer.' }),
        other.post(`/api/rematch-requests/${created.id}/resolve`, {
          action: 'end',
          requester: { kind: 'reapply' },
          partner: { kind: 'none' },
        }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const status = await ctx.deps.db.selectFrom('matches').select('status').where('id', '=', match.id).executeTakeFirstOrThrow();
      const request = await ctx.deps.db
        .selectFrom('rematch_requests')
        .select('status')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      if (a.statusCode === 200) expect([status.status, request.status]).toEqual(['active', 'kept']);
      else expect([status.status, request.status]).toEqual(['ended', 'reapply']);
    });

    it('keeps the match with a note to the requester', async () => {
      await at('2026-10-01T15:00:00.000Z');
      const { match, mentee } = await pair();
      const created = (await ask(mentee, match)).json() as MyRematchRequest;
      expect((await staff.post(`/api/rematch-requests/${created.id}/resolve`, { action: 'keep', note: '' })).statusCode).toBe(400);
      const res = await staff.post(`/api/rematch-requests/${created.id}/resolve`, { action: 'keep', note: 'Try one more call.' });
      expect(res.statusCode).toBe(200);
      const state = (await mentee.get(`/api/matches/${match.id}/rematch`)).json() as MatchRematchState;
      expect(state.myRequest).toMatchObject({ status: 'kept', resolutionNote: 'Try one more call.' });
    });
  });

  describe('reapply next period', () => {
    it('carries the person into the next period at once when it is open, and shows it on home', async () => {
      await at('2026-10-01T15:00:00.000Z');
      const { match, mentee } = await pair();
      const nextId = await insertPeriod(ctx.deps.db, { name: '2027–28', ...NEXT_DATES, at: ctx.clock.now().toISOString() });
      const created = (await ask(mentee, match)).json() as MyRematchRequest;
      // Not open yet: flagged, and copied when the period opens.
      const res = await staff.post(`/api/rematch-requests/${created.id}/resolve`, {
        action: 'end',
        requester: { kind: 'reapply' },
        partner: { kind: 'reapply' },
      });
      expect(res.json().reapplied.sort()).toEqual([match.mentorId, match.menteeId].sort());
      let home = (await mentee.get('/api/my/rematch')).json();
      expect(home.reapply).toMatchObject({ inPool: false, nextPeriod: { id: nextId, name: '2027–28', applicationsOpenOn: '2027-07-01' } });
      await staff.post(`/api/periods/${nextId}/transition`, { to: 'applications_open' });
      const copies = await ctx.deps.db.selectFrom('applications').select(['user_id', 'status']).where('period_id', '=', nextId).execute();
      expect(copies.filter((c) => c.user_id === match.menteeId)).toEqual([{ user_id: match.menteeId, status: 'accepted' }]);
      home = (await mentee.get('/api/my/rematch')).json();
      expect(home.reapply).toMatchObject({ inPool: true });
      await ctx.deps.db.deleteFrom('applications').where('period_id', '=', nextId).execute();
      await ctx.deps.db.deleteFrom('periods').where('id', '=', nextId).execute();
    });

    it('an applicant ticking "carry my application" while the next period is open is copied at once', async () => {
      await at('2026-10-01T15:00:00.000Z');
      const person = await createPerson(ctx.deps, []);
      const applicationId = await insertApplication(ctx.deps.db, {
        periodId,
        userId: person.id,
        role: 'mentee',
        status: 'unmatched',
        answers: testAnswers(),
        at: ctx.clock.now().toISOString(),
      });
      const nextId = await insertPeriod(ctx.deps.db, { name: '2027–28 open', ...NEXT_DATES, at: ctx.clock.now().toISOString() });
      await setPeriodStatus(ctx.deps.db, nextId, 'draft', 'applications_open', ctx.clock.now().toISOString());
      const client = await sessionFor(person.id);
      const res = await client.post(`/api/applications/${applicationId}/carry-forward`, { carryForward: true });
      expect(res.statusCode, res.body).toBe(200);
      const copies = await ctx.deps.db
        .selectFrom('applications')
        .select(['status', 'carried_from_id'])
        .where('period_id', '=', nextId)
        .where('user_id', '=', person.id)
        .execute();
      expect(copies).toEqual([{ status: 'submitted', carried_from_id: applicationId }]);
      await ctx.deps.db.deleteFrom('applications').where('period_id', '=', nextId).execute();
      await ctx.deps.db.deleteFrom('periods').where('id', '=', nextId).execute();
    });
  });

  describe('ending a match', () => {
    it('staff end a match with a reason; both are told, the reason stays with staff', async () => {
      await at('2026-12-01T15:00:00.000Z');
      const { match, mentee } = await pair();
      const res = await staff.post(`/api/matches/${match.id}/end`, {
        reason: 'Mentor left the association 9c1b',
        mentor: { kind: 'none' },
        mentee: { kind: 'reapply' },
      });
      expect(res.statusCode).toBe(200);
      expect(
        (await staff.post(`/api/matches/${match.id}/end`, { reason: 'again', mentor: { kind: 'none' }, mentee: { kind: 'none' } })).json(),
      ).toMatchObject({
        code: 'MATCH_NOT_ACTIVE',
      });
      const mails = await ctx.deps.db.selectFrom('outbox').select('text_body').execute();
      expect(mails.filter((m) => m.text_body.includes('9c1b'))).toEqual([]);
      expect(
        (await mentee.post(`/api/matches/${match.id}/end`, { reason: 'x', mentor: { kind: 'none' }, mentee: { kind: 'none' } })).statusCode,
      ).toBe(403);
      expect(
        (await staff.post('/api/matches/2000000000/end', { reason: 'x', mentor: { kind: 'none' }, mentee: { kind: 'none' } })).statusCode,
      ).toBe(404);
    });
  });
});
