import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { hashToken } from '../../src/features/accounts/tokens.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, linkFromOutbox, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

// Chicago time. Matched 1 Oct 2026 and never heard from since: on 10 Nov the re-match window
// (45 days) closes in 5 days with no contact logged — the row that offers "Check in".
const MATCHED_AT = '2026-10-01T15:00:00.000Z';
const NOW = '2026-11-10T18:00:00.000Z';

describeEachDialect('check-ins', (db) => {
  let ctx: TestContext;
  let staffId: number;

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const emailOf = async (userId: number) =>
    (await ctx.deps.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
  /** The token in the newest check-in e-mail to this person. */
  const tokenFor = async (userId: number) => linkFromOutbox(ctx.deps, await emailOf(userId), '/check-in');
  const rows = (matchId: number) =>
    ctx.deps.db
      .selectFrom('check_ins')
      .select(['user_id', 'token_hash', 'answer', 'answered_at', 'handled_by', 'expires_at'])
      .where('match_id', '=', matchId)
      .orderBy('id')
      .execute();
  const history = (matchId: number) =>
    ctx.deps.db
      .selectFrom('match_events')
      .select(['kind', 'actor_id', 'details'])
      .where('match_id', '=', matchId)
      .where('kind', 'in', ['check_in_sent', 'check_in_answered'])
      .orderBy('id')
      .execute();
  const reasonsOf = async (periodId: number, matchId: number): Promise<string[]> => {
    const health = (await (await as(staffId)).get(`/api/periods/${periodId}/health`)).json();
    const row = health.matches.find((m: { matchId: number }) => m.matchId === matchId);
    return (row?.reasons ?? []).map((r: { code: string }) => r.code);
  };
  const answer = (client: Client, token: string, value: unknown) => client.post(`/api/check-ins/${token}/answer`, { answer: value });
  const send = async (matchId: number, note = '') => (await as(staffId)).post(`/api/matches/${matchId}/check-ins`, { note });

  let periodId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    ctx.clock.set(NOW);
    periodId = await periodIn(ctx.deps, 'active');
  });
  afterAll(() => ctx.close());

  it('sends both people an e-mail with two one-click answers; only hashes of the tokens are kept', async () => {
    const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, names: ['Margaret Okafor', 'Amara Mensah'] });
    expect(await reasonsOf(periodId, m.id)).toContain('guarantee_closing');

    const res = await send(m.id, 'We noticed the window closes soon.');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ matchId: m.id, sentTo: 2, sentAt: NOW, expiresAt: '2026-11-24T18:00:00.000Z' });

    const mail = await ctx.deps.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('kind', '=', 'check-in')
      .where('to_address', '=', await emailOf(m.menteeId))
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('How is it going with Margaret Okafor?');
    expect(mail.text_body).toContain('We noticed the window closes soon.');
    const token = await tokenFor(m.menteeId);
    expect(mail.text_body).toContain(`/check-in/${token}?answer=all_good`);
    expect(mail.text_body).toContain(`/check-in/${token}?answer=talk`);
    expect(mail.text_body).toContain('Only the program office sees your answer; Margaret Okafor does not.');

    const stored = await rows(m.id);
    expect(stored.map((r) => r.user_id)).toEqual([m.menteeId, m.mentorId]);
    expect(stored[0]?.token_hash).toBe(hashToken(token));
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.every((r) => r.expires_at === '2026-11-24T18:00:00.000Z' && r.answer === null)).toBe(true);
    expect(await history(m.id)).toEqual([
      { kind: 'check_in_sent', actor_id: staffId, details: JSON.stringify({ recipients: [m.menteeId, m.mentorId], withNote: true }) },
    ]);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'match')
      .where('entity_id', '=', String(m.id))
      .execute();
    expect(audit).toEqual([{ action: 'match.check_in_sent' }]);
    const health = (await (await as(staffId)).get(`/api/periods/${periodId}/health`)).json();
    expect(health.matches.find((x: { matchId: number }) => x.matchId === m.id).lastCheckInSentAt).toBe(NOW);

    // A second press the same day sends nothing; the next day it may.
    const again = await send(m.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CHECK_IN_RECENT');
    expect(await rows(m.id)).toHaveLength(2);
    ctx.clock.set('2026-11-11T18:00:00.000Z');
    expect((await send(m.id)).statusCode).toBe(201);
    expect(await rows(m.id)).toHaveLength(4);
    ctx.clock.set(NOW);
  });

  it('opens the link without answering; the answer is a POST, the first one stands, and "let’s talk" raises a flag until handled', async () => {
    const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
    await send(m.id);
    const menteeToken = await tokenFor(m.menteeId);
    const mentorToken = await tokenFor(m.mentorId);
    const anonymous = new Client(ctx.app);

    // What a mail scanner does: fetch the link, or even the API behind the page. Nothing changes.
    const view = await anonymous.get(`/api/check-ins/${menteeToken}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toEqual({
      programName: 'Test Mentoring Program',
      status: 'open',
      answer: null,
      expiresAt: '2026-11-24T18:00:00.000Z',
    });
    expect((await rows(m.id)).every((r) => r.answer === null)).toBe(true);

    // The mentee, not signed in, would like to talk.
    const first = await answer(anonymous, menteeToken, 'talk');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ answer: 'talk', alreadyAnswered: false });
    expect(await reasonsOf(periodId, m.id)).toEqual(['check_in_talk', 'goal_sheet_overdue', 'quiet', 'guarantee_closing']);
    // Answering again, either way, keeps the first answer.
    ctx.clock.set('2026-11-10T19:00:00.000Z');
    const second = await answer(anonymous, menteeToken, 'all_good');
    expect(second.json()).toEqual({ answer: 'talk', alreadyAnswered: true });
    expect((await rows(m.id))[0]).toMatchObject({ answer: 'talk', answered_at: NOW });
    expect((await anonymous.get(`/api/check-ins/${menteeToken}`)).json()).toMatchObject({ status: 'answered', answer: 'talk' });

    // The mentor is signed in: the answer needs the session's CSRF token, like any change.
    const mentor = await as(m.mentorId);
    const token = mentor.csrfToken;
    mentor.csrfToken = undefined;
    const forged = await answer(mentor, mentorToken, 'all_good');
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_INVALID');
    expect((await rows(m.id))[1]?.answer).toBeNull();
    mentor.csrfToken = token;
    expect((await answer(mentor, mentorToken, 'all_good')).json()).toEqual({ answer: 'all_good', alreadyAnswered: false });

    const answered = await history(m.id);
    expect(answered.map((e) => [e.kind, e.actor_id])).toEqual([
      ['check_in_sent', staffId],
      ['check_in_answered', m.menteeId],
      ['check_in_answered', m.mentorId],
    ]);
    expect(JSON.parse(answered[1]?.details ?? '{}')).toEqual({ answer: 'talk', userId: m.menteeId });

    // Only staff mark it handled; then the flag comes down (and a second time changes nothing).
    expect((await mentor.post(`/api/matches/${m.id}/check-ins/handled`)).statusCode).toBe(403);
    const staff = await as(staffId);
    expect((await staff.post(`/api/matches/${m.id}/check-ins/handled`)).json()).toEqual({ matchId: m.id, handled: 1 });
    expect(await reasonsOf(periodId, m.id)).not.toContain('check_in_talk');
    expect((await staff.post(`/api/matches/${m.id}/check-ins/handled`)).json()).toEqual({ matchId: m.id, handled: 0 });
    expect((await staff.post('/api/matches/999999/check-ins/handled')).statusCode).toBe(404);
    expect((await rows(m.id))[0]?.handled_by).toBe(staffId);
    ctx.clock.set(NOW);
  });

  it('refuses an expired link, and a wrong one, with a clear answer and no change', async () => {
    const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
    await send(m.id);
    const token = await tokenFor(m.menteeId);
    const anonymous = new Client(ctx.app);

    ctx.clock.set('2026-11-24T17:59:59.000Z');
    expect((await anonymous.get(`/api/check-ins/${token}`)).json().status).toBe('open');
    ctx.clock.set('2026-11-24T18:00:00.000Z');
    expect((await anonymous.get(`/api/check-ins/${token}`)).json()).toMatchObject({ status: 'expired', answer: null });
    const late = await answer(anonymous, token, 'talk');
    expect(late.statusCode).toBe(410);
    expect(late.json()).toEqual({
      code: 'CHECK_IN_EXPIRED',
      message: 'This check-in link has expired. If you would like to talk, write to the program office.',
    });
    expect((await rows(m.id))[0]?.answer).toBeNull();
    ctx.clock.set(NOW);

    const wrong = `${token.slice(0, -4)}AAAA`;
    for (const res of [await anonymous.get(`/api/check-ins/${wrong}`), await answer(anonymous, wrong, 'talk')]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'No such check-in link.' });
    }
    expect((await anonymous.get('/api/check-ins/short')).statusCode).toBe(400);
    const badAnswer = await answer(anonymous, token, 'maybe');
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().code).toBe('VALIDATION_FAILED');
    expect((await rows(m.id)).every((r) => r.answer === null)).toBe(true);
  });

  it('sends only for an active match that exists, only when staff ask, with a note of reasonable length', async () => {
    const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
    const unknown = await send(999_999);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'NOT_FOUND', message: 'No such match.' });
    const long = await send(m.id, 'x'.repeat(1001));
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('Keep the note under 1000 characters.');
    for (const userId of [m.menteeId, m.mentorId, (await createPerson(ctx.deps, ['committee'])).id]) {
      expect((await (await as(userId)).post(`/api/matches/${m.id}/check-ins`, {})).statusCode).toBe(403);
    }
    expect((await new Client(ctx.app).post(`/api/matches/${m.id}/check-ins`, {})).statusCode).toBe(401);
    const ended: TestMatch = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
    await ctx.deps.db.updateTable('matches').set({ status: 'ended', ended_at: NOW }).where('id', '=', ended.id).execute();
    const closed = await send(ended.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('MATCH_NOT_ACTIVE');
    expect(await rows(m.id)).toEqual([]);
    expect(await rows(ended.id)).toEqual([]);
  });

  describe('rate limit', () => {
    let limited: TestContext;
    beforeAll(async () => {
      limited = await buildTestApp(db(), { rateLimitAuthPerMinute: 3 });
    });
    afterAll(() => limited.close());

    it('limits guessing at check-in links like the other token routes', async () => {
      const client = new Client(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.get(`/api/check-ins/${'g'.repeat(30)}${i}`)).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429]);
      expect((await client.post(`/api/check-ins/${'g'.repeat(30)}/answer`, { answer: 'talk' })).statusCode).toBe(404);
    });
  });
});
