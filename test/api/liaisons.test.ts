import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { assignDemoLiaisons } from '../../src/features/liaisons/demo-liaisons.ts';
import type { LiaisonMatches } from '../../src/shared/api/program-health.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

// The program runs on Chicago time. Matches made on 1 Oct 2026; "now" is Tuesday 10 Nov, noon in
// Chicago: an untouched match is overdue and quiet, and its re-match window closes on 15 Nov.
const MATCHED_AT = '2026-10-01T15:00:00.000Z';
const NOW = '2026-11-10T18:00:00.000Z';

describeEachDialect('liaisons', (db) => {
  let ctx: TestContext;
  let staffId: number;

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body);
  const liaisonOf = async (matchId: number) =>
    (await ctx.deps.db.selectFrom('matches').select('liaison_user_id').where('id', '=', matchId).executeTakeFirstOrThrow()).liaison_user_id;
  const events = (matchId: number) =>
    ctx.deps.db
      .selectFrom('match_events')
      .select(['kind', 'actor_id', 'details'])
      .where('match_id', '=', matchId)
      .where('kind', '=', 'liaison_assigned')
      .orderBy('id')
      .execute();
  const audits = (matchId: number) =>
    ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_type', '=', 'match')
      .where('entity_id', '=', String(matchId))
      .where('action', 'like', 'match.liaison%')
      .execute();
  const mailsTo = (address: string, kind = 'liaison-assigned') =>
    ctx.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', address)
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();
  const committee = (name?: string) => createPerson(ctx.deps, ['committee'], name);
  const sheet = (matchId: number) =>
    ctx.deps.db
      .insertInto('goal_sheets')
      .values({
        match_id: matchId,
        status: 'acknowledged',
        revision: 1,
        content: '{"goals":[],"communication":{"channels":[],"cadence":""}}',
        updated_at: '2026-10-20T14:00:00.000Z',
        submitted_at: '2026-10-20T14:00:00.000Z',
        first_submitted_at: '2026-10-20T14:00:00.000Z',
        created_at: '2026-10-05T12:00:00.000Z',
      })
      .execute();
  const contacts = (matchId: number, ...days: string[]) =>
    ctx.deps.db
      .insertInto('contacts')
      .values(
        days.map((occurred_on) => ({
          match_id: matchId,
          logged_by: null,
          occurred_on,
          channel: 'email' as const,
          activity_id: null,
          note: '',
          created_at: '2026-10-05T12:00:00.000Z',
        })),
      )
      .execute();
  /** A pair that is doing well as of NOW: sheet acknowledged on time, in touch every other week. */
  const wellMatch = async (periodId: number, names?: [string, string]): Promise<TestMatch> => {
    const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, ...(names && { names }) });
    await sheet(m.id);
    await contacts(m.id, '2026-10-05', '2026-10-19', '2026-11-02');
    return m;
  };
  const rematchRequest = (m: TestMatch, at: string) =>
    ctx.deps.db
      .insertInto('rematch_requests')
      .values({
        match_id: m.id,
        requested_by: m.menteeId,
        side: 'mentee',
        reason: 'We never found a time to talk.',
        wishes: '',
        status: 'open',
        resolution_note: null,
        resolved_by: null,
        resolved_at: null,
        created_at: at,
      })
      .execute();

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    ctx.clock.set(NOW);
  });
  afterAll(() => ctx.close());

  describe('one match at a time', () => {
    it('lets staff give a match a liaison: the match, its history, the audit log and an e-mail, once', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, names: ['Margaret Mentor', 'Amara Mentee'] });
      const priya = await committee('Priya Liaison');
      const staff = await as(staffId);

      const res = await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: priya.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ matchId: m.id, liaison: { userId: priya.id, name: 'Priya Liaison', email: priya.email } });
      expect(await liaisonOf(m.id)).toBe(priya.id);
      const history = await events(m.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ actor_id: staffId });
      expect(JSON.parse(history[0]?.details ?? '{}')).toEqual({ liaisonUserId: priya.id, previousLiaisonUserId: null });
      expect(await audits(m.id)).toEqual([{ action: 'match.liaison_assigned', actor_id: staffId }]);
      const mails = await mailsTo(priya.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('You are now the liaison for Amara Mentee');
      expect(mails[0]?.text_body).toContain('Amara Mentee (mentee) and Margaret Mentor (mentor)');
      expect(mails[0]?.text_body).toMatch(/https?:\/\/[^\s]+\/liaison\b/);

      // The same liaison again changes nothing and sends nothing.
      expect((await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: priya.id })).statusCode).toBe(200);
      expect(await events(m.id)).toHaveLength(1);
      expect(await mailsTo(priya.email)).toHaveLength(1);

      // Staff see the liaison on the health page; the pair see their liaison as a contact.
      const health = (await staff.get(`/api/periods/${periodId}/health`)).json();
      expect(health.matches[0]).toMatchObject({ matchId: m.id, liaison: { userId: priya.id, name: 'Priya Liaison' } });
      for (const userId of [m.menteeId, m.mentorId]) {
        const workspace = (await (await as(userId)).get(`/api/matches/${m.id}/workspace`)).json();
        expect(workspace.liaison).toEqual({ userId: priya.id, name: 'Priya Liaison', email: priya.email });
      }

      // Taken away: recorded, no e-mail; the pair no longer see one.
      const removed = await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: null });
      expect(removed.json()).toEqual({ matchId: m.id, liaison: null });
      expect(await liaisonOf(m.id)).toBeNull();
      expect(await events(m.id)).toHaveLength(2);
      expect((await audits(m.id)).map((a) => a.action)).toEqual(['match.liaison_assigned', 'match.liaison_removed']);
      expect(await mailsTo(priya.email)).toHaveLength(1);
      expect((await (await as(m.menteeId)).get(`/api/matches/${m.id}/workspace`)).json().liaison).toBeNull();
    });

    it('refuses bad choices with a clear {code, message} and changes nothing', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
      const jun = await committee('Jun Liaison');
      const staff = await as(staffId);
      expect((await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: jun.id })).statusCode).toBe(200);
      const before = { events: (await events(m.id)).length, mails: (await mailsTo(jun.email)).length };

      const mentor = await createPerson(ctx.deps, ['mentor']);
      const notCommittee = await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: mentor.id });
      expect(notCommittee.statusCode).toBe(422);
      expect(notCommittee.json()).toEqual({
        code: 'NOT_COMMITTEE',
        message: `User ${mentor.id} is not a member of the matching committee who can sign in: choose a committee member as liaison.`,
      });
      expect((await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: 999_999 })).json().code).toBe('NOT_COMMITTEE');
      const disabled = await committee('Disabled Member');
      await ctx.deps.db.updateTable('users').set({ disabled_at: NOW }).where('id', '=', disabled.id).execute();
      expect((await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: disabled.id })).statusCode).toBe(422);

      // A committee member who mentors this very pair cannot be its liaison.
      await ctx.deps.db.insertInto('user_roles').values({ user_id: m.mentorId, role: 'committee' }).execute();
      const own = await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: m.mentorId });
      expect(own.statusCode).toBe(422);
      expect(own.json().code).toBe('LIAISON_IN_MATCH');

      const unknown = await put(staff, '/api/matches/999999/liaison', { liaisonUserId: jun.id });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ code: 'NOT_FOUND', message: 'No such match.' });
      for (const body of [{ liaisonUserId: 'jun' }, { liaisonUserId: 0 }, {}, { liaisonUserId: jun.id, extra: 1 }]) {
        const res = await put(staff, `/api/matches/${m.id}/liaison`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }

      const ended = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
      await ctx.deps.db.updateTable('matches').set({ status: 'ended', ended_at: NOW }).where('id', '=', ended.id).execute();
      const late = await put(staff, `/api/matches/${ended.id}/liaison`, { liaisonUserId: jun.id });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('MATCH_NOT_ACTIVE');

      expect(await liaisonOf(m.id)).toBe(jun.id);
      expect(await liaisonOf(ended.id)).toBeNull();
      expect((await events(m.id)).length).toBe(before.events);
      expect((await mailsTo(jun.email)).length).toBe(before.mails);
    });

    it('is for staff only', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const m = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
      const member = await committee();
      for (const userId of [member.id, m.menteeId, m.mentorId]) {
        const client = await as(userId);
        expect((await put(client, `/api/matches/${m.id}/liaison`, { liaisonUserId: member.id })).statusCode).toBe(403);
        expect((await client.post(`/api/periods/${periodId}/liaisons/spread`, { committeeUserIds: [member.id] })).statusCode).toBe(403);
        expect((await client.get(`/api/periods/${periodId}/liaisons`)).statusCode).toBe(403);
      }
      expect((await put(new Client(ctx.app), `/api/matches/${m.id}/liaison`, { liaisonUserId: member.id })).statusCode).toBe(401);
      expect(await liaisonOf(m.id)).toBeNull();
    });
  });

  describe('the staff list of a period’s pairs', () => {
    interface ListBody {
      committee: { userId: number; matches: number }[];
      counts: { active: number; withoutLiaison: number };
      matches: { matchId: number; mentee: { name: string }; liaison: { userId: number } | null }[];
      nextCursor: string | null;
      total: number;
    }
    const list = async (client: Client, url: string): Promise<ListBody> => {
      const res = await client.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ListBody;
    };
    /** Every page of a query, following nextCursor. */
    const allPages = async (client: Client, base: string) => {
      const pages: ListBody[] = [];
      let after: string | null = null;
      do {
        const page: ListBody = await list(client, `${base}&limit=2${after ? `&after=${after}` : ''}`);
        pages.push(page);
        after = page.nextCursor;
      } while (after !== null && pages.length < 20);
      return pages;
    };

    it('pages active matches, oldest first, searched and filtered, with the period’s counts', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const names = ['Uma List', 'Ada List', 'Ida List', 'Eve List', 'Ola List'];
      const made: TestMatch[] = [];
      for (const name of names)
        made.push(await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, names: [`Mentor of ${name}`, name] }));
      const ended = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, names: ['Mentor Gone', 'Bea List'] });
      await ctx.deps.db.updateTable('matches').set({ status: 'ended', ended_at: NOW }).where('id', '=', ended.id).execute();
      const a = await committee('Alma List');
      const b = await committee('Bo List');
      const staff = await as(staffId);
      const [uma, ada, , eve] = made;
      if (!uma || !ada || !eve) throw new Error('matches not made');
      for (const [m, member] of [
        [uma, a],
        [ada, a],
        [eve, b],
      ] as const) {
        expect((await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: member.id })).statusCode).toBe(200);
      }

      // Every page, two at a time: each active match once, oldest first; the ended one never.
      const pages = await allPages(staff, `/api/periods/${periodId}/liaisons?`);
      expect(pages).toHaveLength(3);
      expect(pages.flatMap((p) => p.matches.map((m) => m.mentee.name))).toEqual(names);
      expect(pages.at(-1)?.nextCursor).toBeNull();
      for (const page of pages) {
        expect(page.total).toBe(5);
        expect(page.counts).toEqual({ active: 5, withoutLiaison: 2 });
      }
      expect(pages[0]?.committee).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: a.id, matches: 2 }),
          expect.objectContaining({ userId: b.id, matches: 1 }),
        ]),
      );

      // The filters: nobody yet, somebody, one member; the search; the counts stay the period's.
      const menteeNames = (body: ListBody) => body.matches.map((m) => m.mentee.name);
      const none = await list(staff, `/api/periods/${periodId}/liaisons?liaison=none`);
      expect([menteeNames(none), none.total, none.counts]).toEqual([['Ida List', 'Ola List'], 2, { active: 5, withoutLiaison: 2 }]);
      const assigned = await list(staff, `/api/periods/${periodId}/liaisons?liaison=assigned`);
      expect([menteeNames(assigned), assigned.total]).toEqual([['Uma List', 'Ada List', 'Eve List'], 3]);
      const almas = await list(staff, `/api/periods/${periodId}/liaisons?liaisonUserId=${a.id}`);
      expect([menteeNames(almas), almas.total]).toEqual([['Uma List', 'Ada List'], 2]);
      const searched = await list(staff, `/api/periods/${periodId}/liaisons?q=${encodeURIComponent('mentor of EVE')}`);
      expect([menteeNames(searched), searched.total]).toEqual([['Eve List'], 1]);
      const gone = await list(staff, `/api/periods/${periodId}/liaisons?q=Bea`);
      expect([gone.matches, gone.total, gone.nextCursor]).toEqual([[], 0, null]);

      // A cursor this API did not hand out, a filter it does not know, a period that is not there.
      for (const query of [
        'after=bm90LWEtY3Vyc29y',
        'after=%25%25',
        'liaison=maybe',
        'limit=0',
        'limit=501',
        'liaisonUserId=-3',
        'sort=name',
      ]) {
        const res = await staff.get(`/api/periods/${periodId}/liaisons?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json(), query).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
      expect((await staff.get('/api/periods/999999/liaisons')).statusCode).toBe(404);
    });
  });

  describe('spread evenly over a period', () => {
    it('deals every active match out over the chosen members, fewest first, one e-mail each', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const made: TestMatch[] = [];
      for (let i = 0; i < 5; i++) made.push(await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT }));
      const ended = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
      await ctx.deps.db.updateTable('matches').set({ status: 'ended', ended_at: NOW }).where('id', '=', ended.id).execute();
      const a = await committee('Alma Spread');
      const b = await committee('Bo Spread');
      const staff = await as(staffId);

      // Someone not on the committee among the chosen: nothing happens at all.
      const mentee = await createPerson(ctx.deps, ['mentee']);
      const refused = await staff.post(`/api/periods/${periodId}/liaisons/spread`, { committeeUserIds: [a.id, mentee.id] });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('NOT_COMMITTEE');
      for (const m of made) expect(await liaisonOf(m.id)).toBeNull();
      expect(await mailsTo(a.email)).toEqual([]);
      expect((await staff.post('/api/periods/999999/liaisons/spread', { committeeUserIds: [a.id] })).statusCode).toBe(404);
      const none = await staff.post(`/api/periods/${periodId}/liaisons/spread`, { committeeUserIds: [] });
      expect(none.statusCode).toBe(400);
      expect(none.json().message).toContain('Choose at least one committee member.');

      // Chosen in either order, the same result: by match id, the lower user id first.
      const res = await staff.post(`/api/periods/${periodId}/liaisons/spread`, { committeeUserIds: [b.id, a.id] });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        assigned: 5,
        unchanged: 0,
        leftWithout: 0,
        liaisons: [
          { userId: a.id, name: 'Alma Spread', email: a.email, matches: 3 },
          { userId: b.id, name: 'Bo Spread', email: b.email, matches: 2 },
        ],
      });
      expect(await Promise.all(made.map((m) => liaisonOf(m.id)))).toEqual([a.id, b.id, a.id, b.id, a.id]);
      expect(await liaisonOf(ended.id)).toBeNull();
      for (const m of made) expect(await events(m.id)).toHaveLength(1);
      expect((await mailsTo(a.email)).map((mail) => mail.subject)).toEqual(['You are now the liaison for 3 pairs']);
      expect((await mailsTo(b.email)).map((mail) => mail.subject)).toEqual(['You are now the liaison for 2 pairs']);

      // The staff view of the period agrees.
      const view = (await staff.get(`/api/periods/${periodId}/liaisons`)).json();
      const byMatch = new Map(
        view.matches.map((m: { matchId: number; liaison: { userId: number } | null }) => [m.matchId, m.liaison?.userId]),
      );
      expect(made.map((m) => byMatch.get(m.id))).toEqual([a.id, b.id, a.id, b.id, a.id]);
      expect(view.counts).toEqual({ active: 5, withoutLiaison: 0 });
      expect(view.committee).toEqual(
        expect.arrayContaining([
          { userId: a.id, name: 'Alma Spread', email: a.email, matches: 3 },
          { userId: b.id, name: 'Bo Spread', email: b.email, matches: 2 },
        ]),
      );

      // A third member joins, keeping what is assigned: only new matches go to them first.
      const c = await committee('Cy Spread');
      const later = [await createTestMatch(ctx.deps, { periodId }), await createTestMatch(ctx.deps, { periodId })];
      const kept = await staff.post(`/api/periods/${periodId}/liaisons/spread`, {
        committeeUserIds: [a.id, b.id, c.id],
        keepAssigned: true,
      });
      expect(kept.json()).toMatchObject({ assigned: 2, unchanged: 5, leftWithout: 0 });
      expect(await Promise.all(later.map((m) => liaisonOf(m.id)))).toEqual([c.id, c.id]);
      expect(await mailsTo(a.email)).toHaveLength(1);

      // Afresh over all three: a match already with the right liaison is left alone (no history, no mail).
      const fresh = await staff.post(`/api/periods/${periodId}/liaisons/spread`, { committeeUserIds: [a.id, b.id, c.id] });
      expect(fresh.json().liaisons.map((l: { matches: number }) => l.matches)).toEqual([3, 2, 2]);
      expect(fresh.json().assigned + fresh.json().unchanged).toBe(7);
      expect(await events(made[0]?.id ?? 0)).toHaveLength(1); // made[0] stays with a
    });

    it('assigns the demo’s liaisons the same way, without e-mail', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const made: TestMatch[] = [];
      for (let i = 0; i < 3; i++) made.push(await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT }));
      const assigned = await ctx.deps.db.transaction().execute((trx) => assignDemoLiaisons(trx, { periodId, actorId: staffId, at: NOW }));
      expect(assigned).toBe(3);
      for (const m of made) {
        expect(await liaisonOf(m.id)).not.toBeNull();
        expect(await events(m.id)).toHaveLength(1);
      }
    });
  });

  describe('what a liaison sees', () => {
    it('lists only the pairs they look after, with the reasons program health gives, a re-match request first', async () => {
      const periodId = await periodIn(ctx.deps, 'active');
      const priya = await committee('Priya Own');
      const other = await committee('Other Liaison');
      const idle = await committee('Idle Member');
      const quiet = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
      const well = await wellMatch(periodId);
      const asking = await wellMatch(periodId);
      const notMine = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
      const staff = await as(staffId);
      for (const m of [quiet, well, asking]) await put(staff, `/api/matches/${m.id}/liaison`, { liaisonUserId: priya.id });
      await put(staff, `/api/matches/${notMine.id}/liaison`, { liaisonUserId: other.id });
      await rematchRequest(asking, '2026-11-08T16:00:00.000Z');

      const mine = await (await as(priya.id)).get('/api/my/liaison-matches');
      expect(mine.statusCode, mine.body).toBe(200);
      const body = mine.json() as LiaisonMatches;
      expect(body).toMatchObject({ today: '2026-11-10', timeZone: 'America/Chicago' });
      expect(body.matches.map((m) => m.matchId)).toEqual([asking.id, quiet.id, well.id]);
      expect(body.matches[0]?.reasons[0]).toMatchObject({ code: 'rematch_requested', label: 'Re-match requested' });
      expect(body.matches[0]?.reasons[0]?.text).toMatch(/asked for a re-match 2 days ago$/);
      expect(body.matches[2]).toMatchObject({ riskScore: 0, reasons: [] });
      expect(body.matches[0]).not.toHaveProperty('links');
      // The reasons are program health's own, word for word.
      const health = (await staff.get(`/api/periods/${periodId}/health`)).json();
      const healthOf = (id: number) => health.matches.find((m: { matchId: number }) => m.matchId === id);
      expect(health.matches[0].matchId).toBe(asking.id);
      expect(body.matches[1]?.reasons).toEqual(healthOf(quiet.id).reasons);
      expect(body.matches[0]?.reasons).toEqual(healthOf(asking.id).reasons);
      // Staff keep the full list: the other liaison's pair is there too.
      expect(healthOf(notMine.id)).toMatchObject({ liaison: { userId: other.id } });

      // Someone else's pair never appears; a member with no pairs sees none.
      const theirs = (await (await as(other.id)).get('/api/my/liaison-matches')).json() as LiaisonMatches;
      expect(theirs.matches.map((m) => m.matchId)).toEqual([notMine.id]);
      expect(((await (await as(idle.id)).get('/api/my/liaison-matches')).json() as LiaisonMatches).matches).toEqual([]);
      // A pair whose match ended drops off the list.
      await ctx.deps.db.updateTable('matches').set({ status: 'ended', ended_at: NOW }).where('id', '=', quiet.id).execute();
      const after = (await (await as(priya.id)).get('/api/my/liaison-matches')).json() as LiaisonMatches;
      expect(after.matches.map((m) => m.matchId)).toEqual([asking.id, well.id]);
      // Only the committee has a list of its own; the pair, staff without the committee role, and strangers do not.
      expect((await (await as(asking.menteeId)).get('/api/my/liaison-matches')).statusCode).toBe(403);
      expect((await staff.get('/api/my/liaison-matches')).statusCode).toBe(403);
      expect((await new Client(ctx.app).get('/api/my/liaison-matches')).statusCode).toBe(401);
      // And the liaison does not open the pair's own page.
      expect((await (await as(priya.id)).get(`/api/matches/${asking.id}/workspace`)).statusCode).toBe(404);
    });
  });

  describe('the weekly e-mail', () => {
    it('goes to each liaison once a week, Monday morning, listing only the pairs that need attention; none when all is well', async () => {
      // A world of its own: liaisons of earlier tests would get e-mails too.
      await ctx.deps.db.updateTable('matches').set({ liaison_user_id: null }).execute();
      const periodId = await periodIn(ctx.deps, 'active');
      const busy = await committee('Busy Liaison');
      const calm = await committee('Calm Liaison');
      const trouble = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, names: ['Tom Mentor', 'Tess Mentee'] });
      const fine = await wellMatch(periodId, ['Fay Mentor', 'Finn Mentee']);
      const calmPair = await wellMatch(periodId);
      ctx.clock.set('2026-11-06T18:00:00.000Z');
      const staff = await as(staffId);
      await put(staff, `/api/matches/${trouble.id}/liaison`, { liaisonUserId: busy.id });
      await put(staff, `/api/matches/${fine.id}/liaison`, { liaisonUserId: busy.id });
      await put(staff, `/api/matches/${calmPair.id}/liaison`, { liaisonUserId: calm.id });

      const runner = createJobRunner(ctx.deps, { workerId: 'liaison-test' });
      const pollTwice = async (at: string) => {
        ctx.clock.set(at);
        await runner.runOnce(); // plans
        await runner.runOnce(); // sends
      };
      const digestJobs = () =>
        ctx.deps.db
          .selectFrom('jobs')
          .select(['dedupe_key', 'status', 'last_error'])
          .where('kind', '=', 'liaison.weekly-digest')
          .orderBy('id')
          .execute();

      // Sunday evening: nothing yet.
      await pollTwice('2026-11-09T01:00:00.000Z');
      expect(await digestJobs()).toEqual([]);

      // Monday 9 Nov, 08:30 in Chicago (14:30 UTC): one job per liaison, keyed by the ISO week.
      await pollTwice('2026-11-09T14:30:00.000Z');
      expect(await digestJobs()).toEqual([
        { dedupe_key: `liaison-digest:u${busy.id}:2026-W46`, status: 'done', last_error: null },
        { dedupe_key: `liaison-digest:u${calm.id}:2026-W46`, status: 'skipped', last_error: 'Nothing needs attention this week.' },
      ]);
      const busyMail = await mailsTo(busy.email, 'liaison-weekly');
      expect(busyMail).toHaveLength(1);
      expect(busyMail[0]?.subject).toBe('Your pairs this week: 1 pair needs attention');
      expect(busyMail[0]?.text_body).toContain('Tess Mentee (mentee) and Tom Mentor (mentor)');
      expect(busyMail[0]?.text_body).toContain('Goal sheet overdue: Goal sheet 9 days overdue.');
      expect(busyMail[0]?.text_body).not.toContain('Finn Mentee');
      expect(await mailsTo(calm.email, 'liaison-weekly')).toEqual([]);

      // A second look within the hour, and Tuesday morning: nothing new.
      await pollTwice('2026-11-09T14:45:00.000Z');
      await pollTwice('2026-11-10T13:30:00.000Z');
      expect(await digestJobs()).toHaveLength(2);
      // The calm pair asks to talk on Wednesday: still no second e-mail that week, to anyone.
      await ctx.deps.db
        .insertInto('check_ins')
        .values({
          match_id: calmPair.id,
          user_id: calmPair.mentorId,
          token_hash: 'a'.repeat(64),
          sent_by: staffId,
          sent_at: '2026-11-10T15:00:00.000Z',
          expires_at: '2026-11-24T15:00:00.000Z',
          answer: 'talk',
          answered_at: '2026-11-11T15:00:00.000Z',
          handled_by: null,
          handled_at: null,
        })
        .execute();
      await pollTwice('2026-11-11T20:00:00.000Z');
      await pollTwice('2026-11-15T20:00:00.000Z');
      expect(await mailsTo(busy.email, 'liaison-weekly')).toHaveLength(1);
      expect(await mailsTo(calm.email, 'liaison-weekly')).toEqual([]);

      // The next Monday both hear, the calm liaison about the pair that asked to talk.
      await pollTwice('2026-11-16T15:00:00.000Z');
      expect(await mailsTo(busy.email, 'liaison-weekly')).toHaveLength(2);
      const calmMail = await mailsTo(calm.email, 'liaison-weekly');
      expect(calmMail).toHaveLength(1);
      expect(calmMail[0]?.text_body).toContain('Asked to talk:');
      expect((await digestJobs()).map((j) => j.dedupe_key)).toEqual([
        `liaison-digest:u${busy.id}:2026-W46`,
        `liaison-digest:u${calm.id}:2026-W46`,
        `liaison-digest:u${busy.id}:2026-W47`,
        `liaison-digest:u${calm.id}:2026-W47`,
      ]);
      ctx.clock.set(NOW);
    });
  });
});
