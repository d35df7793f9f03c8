import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeriod } from '../../src/features/periods/periods.store.ts';
import type { Activity, ContactLog } from '../../src/shared/api/activities.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, setUpProgram, signedIn, sessionClient } from '../setup/test-app.ts';
import type { TestContext, Client } from '../setup/test-app.ts';

const DATES = {
  applicationsOpenOn: '2026-07-01',
  applicationsCloseOn: '2026-07-31',
  matchesAnnouncedOn: '2026-08-15',
  programEndsOn: '2027-07-31',
  surveyOpensOn: '2027-07-01',
  surveyClosesOn: '2027-07-21',
};

describeEachDialect('contact log', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let periodId: number;
  let activities: Activity[];
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps); // America/Chicago
    staffId = (await signedIn(ctx, ['staff'])).id;
    periodId = await insertPeriod(ctx.deps.db, { name: '2026–27', ...DATES, at: ctx.clock.now().toISOString() });
    staff = await sessionFor(staffId);
    activities = (await staff.get('/api/activities')).json().activities;
  });
  afterAll(() => ctx.close());

  const sessionFor = (userId: number): Promise<Client> => sessionClient(ctx, userId);
  /** Moves the clock, and signs staff in afresh (moving days ahead ends idle sessions, as in life). */
  const at = async (instant: string) => {
    ctx.clock.set(instant);
    staff = await sessionFor(staffId);
  };
  const pair = async (matchedAt = '2026-08-20T15:00:00.000Z'): Promise<{ match: TestMatch; mentor: Client; mentee: Client }> => {
    const match = await createTestMatch(ctx.deps, { periodId, matchedAt });
    return { match, mentor: await sessionFor(match.mentorId), mentee: await sessionFor(match.menteeId) };
  };
  const countContacts = async (matchId: number) =>
    Number(
      (
        await ctx.deps.db
          .selectFrom('contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('match_id', '=', matchId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('logging', () => {
    it('lets one of the pair log a contact in a few fields, and both of them and staff read it', async () => {
      await at('2026-09-10T15:00:00.000Z');
      const { match, mentor, mentee } = await pair();
      const activity = activities.find((a) => a.title === 'Mock interview with written feedback') as Activity;
      const res = await mentee.post(`/api/matches/${match.id}/contacts`, {
        occurredOn: '2026-09-08',
        channel: 'video',
        activityId: activity.id,
        note: '  Practised answers about storytime. ',
      });
      expect(res.statusCode).toBe(201);
      const log = res.json() as ContactLog;
      expect(log).toMatchObject({
        matchId: match.id,
        canLog: true,
        channels: ['phone', 'email', 'video', 'chat', 'in_person'],
        summary: {
          today: '2026-09-10',
          matchedOn: '2026-08-20',
          lastContactOn: '2026-09-08',
          daysSinceLastContact: 2,
          thisMonth: 1,
          suggestedPerMonth: 2,
        },
      });
      expect(log.contacts).toEqual([
        {
          id: expect.any(Number),
          occurredOn: '2026-09-08',
          channel: 'video',
          activityId: activity.id,
          activityTitle: 'Mock interview with written feedback',
          note: 'Practised answers about storytime.',
          loggedBy: { id: match.menteeId, name: expect.any(String) },
          canDelete: true,
          createdAt: '2026-09-10T15:00:00.000Z',
        },
      ]);

      const asMentor = (await mentor.get(`/api/matches/${match.id}/contacts`)).json() as ContactLog;
      expect(asMentor.canLog).toBe(true);
      expect(asMentor.contacts[0]).toMatchObject({ note: 'Practised answers about storytime.', canDelete: false });

      const asStaff = await staff.get(`/api/matches/${match.id}/contacts`);
      expect(asStaff.statusCode).toBe(200);
      expect(asStaff.json()).toMatchObject({ canLog: false, contacts: [{ canDelete: false, note: 'Practised answers about storytime.' }] });
    });

    it('lists newest first and counts only this month (in the program’s time zone) toward the cadence', async () => {
      await at('2026-10-03T15:00:00.000Z');
      const { match, mentor, mentee } = await pair();
      for (const [client, occurredOn, channel] of [
        [mentor, '2026-09-28', 'phone'],
        [mentee, '2026-10-02', 'email'],
        [mentor, '2026-10-01', 'chat'],
        [mentee, '2026-10-02', 'in_person'],
      ] as const) {
        expect((await client.post(`/api/matches/${match.id}/contacts`, { occurredOn, channel })).statusCode).toBe(201);
      }
      const log = (await mentee.get(`/api/matches/${match.id}/contacts`)).json() as ContactLog;
      expect(log.contacts.map((c) => [c.occurredOn, c.channel, c.canDelete])).toEqual([
        ['2026-10-02', 'in_person', true],
        ['2026-10-02', 'email', true],
        ['2026-10-01', 'chat', false],
        ['2026-09-28', 'phone', false],
      ]);
      expect(log.summary).toMatchObject({ lastContactOn: '2026-10-02', daysSinceLastContact: 1, thisMonth: 3, suggestedPerMonth: 2 });
      expect(log.contacts.every((c) => c.activityId === null && c.activityTitle === null && c.note === '')).toBe(true);
    });

    it('dates a contact today in the program’s time zone when no date is given', async () => {
      // 03:00 UTC on 10 September is still the evening of 9 September in Chicago.
      await at('2026-09-10T03:00:00.000Z');
      const { match, mentor } = await pair();
      const res = await mentor.post(`/api/matches/${match.id}/contacts`, { channel: 'phone' });
      expect(res.statusCode).toBe(201);
      expect(res.json().contacts[0].occurredOn).toBe('2026-09-09');
      expect(res.json().summary.today).toBe('2026-09-09');
    });

    it('starts a match’s log empty, with nothing to count', async () => {
      await at('2026-09-10T15:00:00.000Z');
      const { match, mentee } = await pair();
      expect((await mentee.get(`/api/matches/${match.id}/contacts`)).json()).toMatchObject({
        contacts: [],
        summary: { lastContactOn: null, daysSinceLastContact: null, thisMonth: 0 },
      });
    });
  });

  describe('refusals write nothing', () => {
    it('refuses a day that has not begun yet in the program’s time zone, right up to its midnight', async () => {
      // Not Chicago, and not UTC: Los Angeles (PDT, UTC−7 in September), set the way staff would.
      expect((await staff.patch('/api/settings', { timeZone: 'America/Los_Angeles' })).statusCode).toBe(200);
      try {
        await at('2026-09-14T20:00:00.000Z');
        const { match, mentee } = await pair();
        // 06:59 UTC on 15 September is 23:59 on 14 September in Los Angeles.
        ctx.clock.set('2026-09-15T06:59:00.000Z');
        const early = await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-15', channel: 'email' });
        expect(early.statusCode).toBe(422);
        expect(early.json()).toMatchObject({ code: 'DATE_IN_FUTURE', details: [{ path: 'occurredOn' }] });
        expect(early.json().message).toMatch(/hasn’t happened yet/);
        expect(await countContacts(match.id)).toBe(0);
        // A minute later it is 15 September there too.
        ctx.clock.advance(60_000);
        expect((await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-15', channel: 'email' })).statusCode).toBe(
          201,
        );
        expect((await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-16', channel: 'email' })).json().code).toBe(
          'DATE_IN_FUTURE',
        );
        expect(await countContacts(match.id)).toBe(1);
      } finally {
        await staff.patch('/api/settings', { timeZone: 'America/Chicago' });
      }
    });

    it('refuses a day before the match was made, as the program’s time zone counts days', async () => {
      await at('2026-09-20T15:00:00.000Z');
      // Made at 03:00 UTC on 2 September: that is 1 September in Chicago.
      const { match, mentor } = await pair('2026-09-02T03:00:00.000Z');
      const before = await mentor.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-08-31', channel: 'email' });
      expect(before.statusCode).toBe(422);
      expect(before.json()).toMatchObject({ code: 'DATE_BEFORE_MATCH' });
      expect(before.json().message).toContain('2026-09-01');
      expect(await countContacts(match.id)).toBe(0);
      expect((await mentor.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-01', channel: 'email' })).statusCode).toBe(201);
    });

    it('refuses a channel the program does not use, and one nobody knows', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const { match, mentee } = await pair();
      expect((await staff.patch('/api/settings', { channels: ['email', 'video'] })).statusCode).toBe(200);
      try {
        for (const channel of ['phone', 'carrier pigeon']) {
          const res = await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-19', channel });
          expect(res.statusCode, channel).toBe(422);
          expect(res.json()).toMatchObject({ code: 'CHANNEL_NOT_USED', details: [{ path: 'channel' }] });
        }
        expect((await mentee.get(`/api/matches/${match.id}/contacts`)).json().channels).toEqual(['email', 'video']);
        expect(await countContacts(match.id)).toBe(0);
      } finally {
        await staff.patch('/api/settings', { channels: ['phone', 'email', 'video', 'chat', 'in_person'] });
      }
    });

    it('refuses a retired or unknown activity', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const { match, mentee } = await pair();
      const activity = activities.find((a) => a.title === 'Swap skills') as Activity;
      await staff.patch(`/api/activities/${activity.id}`, { retired: true });
      try {
        const retired = await mentee.post(`/api/matches/${match.id}/contacts`, {
          occurredOn: '2026-09-19',
          channel: 'email',
          activityId: activity.id,
        });
        expect(retired.statusCode).toBe(422);
        expect(retired.json()).toMatchObject({ code: 'ACTIVITY_RETIRED', details: [{ path: 'activityId' }] });
        const unknown = await mentee.post(`/api/matches/${match.id}/contacts`, {
          occurredOn: '2026-09-19',
          channel: 'email',
          activityId: 999999,
        });
        expect(unknown.statusCode).toBe(422);
        expect(unknown.json().code).toBe('UNKNOWN_ACTIVITY');
        expect(await countContacts(match.id)).toBe(0);
      } finally {
        await staff.patch(`/api/activities/${activity.id}`, { retired: false });
      }
      // A contact logged before an activity is retired keeps showing it.
      await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-19', channel: 'email', activityId: activity.id });
      await staff.patch(`/api/activities/${activity.id}`, { retired: true });
      expect((await mentee.get(`/api/matches/${match.id}/contacts`)).json().contacts[0].activityTitle).toBe('Swap skills');
      await staff.patch(`/api/activities/${activity.id}`, { retired: false });
    });

    it('refuses malformed input with the schema’s own error', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const { match, mentee } = await pair();
      const bodies = [
        { occurredOn: '19/09/2026', channel: 'email' },
        { occurredOn: '2026-09-19' },
        { occurredOn: '2026-09-19', channel: 'email', note: 'x'.repeat(2001) },
        { occurredOn: '2026-09-19', channel: 'email', activityId: 'mock interview' },
        { occurredOn: '2026-09-19', channel: 'email', mood: 'great' },
      ];
      for (const body of bodies) {
        const res = await mentee.post(`/api/matches/${match.id}/contacts`, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
      const impossible = await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-31', channel: 'email' });
      expect(impossible.statusCode).toBe(422);
      expect(impossible.json().code).toBe('INVALID_DATE');
      expect(
        (await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-19', channel: 'email', note: 'x'.repeat(2000) }))
          .statusCode,
      ).toBe(201);
      expect(await countContacts(match.id)).toBe(1);
    });

    it('refuses to log for a match that has ended (409), though its log can still be read', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const { match, mentee } = await pair();
      await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-18', channel: 'email' });
      await ctx.deps.db
        .updateTable('matches')
        .set({ status: 'ended', ended_at: ctx.clock.now().toISOString() })
        .where('id', '=', match.id)
        .execute();
      const res = await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-19', channel: 'email' });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('MATCH_ENDED');
      expect((await mentee.get(`/api/matches/${match.id}/contacts`)).json()).toMatchObject({
        canLog: false,
        contacts: [{ occurredOn: '2026-09-18' }],
      });
      expect(await countContacts(match.id)).toBe(1);
    });
  });

  describe('who may', () => {
    it('hides a match’s log from everyone but the pair and staff, and keeps staff from writing it', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const { match } = await pair();
      for (const roles of [['mentee'], ['mentor'], ['committee'], ['taskforce']] as const) {
        const { client } = await signedIn(ctx, [...roles]);
        expect((await client.get(`/api/matches/${match.id}/contacts`)).statusCode, roles[0]).toBe(404);
        expect((await client.post(`/api/matches/${match.id}/contacts`, { channel: 'email' })).statusCode, roles[0]).toBe(404);
      }
      const write = await staff.post(`/api/matches/${match.id}/contacts`, { channel: 'email' });
      expect(write.statusCode).toBe(403);
      expect(write.json().code).toBe('NOT_A_PARTY');
      expect((await staff.get('/api/matches/999999/contacts')).statusCode).toBe(404);
      expect((await staff.post('/api/matches/999999/contacts', { channel: 'email' })).statusCode).toBe(404);
      expect(await countContacts(match.id)).toBe(0);
    });

    it('lets a staff member who is in a match log its contacts', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const mentoringStaff = await signedIn(ctx, ['staff', 'mentor']);
      const match = await createTestMatch(ctx.deps, { periodId, mentorId: mentoringStaff.id, matchedAt: '2026-09-01T15:00:00.000Z' });
      expect((await mentoringStaff.client.post(`/api/matches/${match.id}/contacts`, { channel: 'video' })).statusCode).toBe(201);
    });

    it('lets only the person who logged a contact delete it: 403 for the partner and staff, 404 for others', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const { match, mentor, mentee } = await pair();
      const logged = (
        await mentee.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-19', channel: 'email', note: 'Talked budgets.' })
      ).json() as ContactLog;
      const id = logged.contacts[0]?.id as number;

      const partner = await mentor.request('DELETE', `/api/contacts/${id}`);
      expect(partner.statusCode).toBe(403);
      expect(partner.json().code).toBe('NOT_YOUR_CONTACT');
      const office = await staff.request('DELETE', `/api/contacts/${id}`);
      expect(office.statusCode).toBe(403);
      expect(office.json().code).toBe('NOT_YOUR_CONTACT');
      const stranger = await signedIn(ctx, ['mentee']);
      expect((await stranger.client.request('DELETE', `/api/contacts/${id}`)).statusCode).toBe(404);
      expect((await (await signedIn(ctx, ['committee'])).client.request('DELETE', `/api/contacts/${id}`)).statusCode).toBe(404);
      expect(await countContacts(match.id)).toBe(1);

      const own = await mentee.request('DELETE', `/api/contacts/${id}`);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ matchId: match.id, contacts: [], summary: { lastContactOn: null } });
      expect(await countContacts(match.id)).toBe(0);
      expect((await mentee.request('DELETE', `/api/contacts/${id}`)).statusCode).toBe(404);
      expect((await mentee.request('DELETE', '/api/contacts/abc')).statusCode).toBe(400);
    });
  });
});
