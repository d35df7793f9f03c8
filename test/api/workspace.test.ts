import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import type { Role } from '../../src/shared/roles.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import type { ApplicationAnswers } from '../../src/shared/api/applications.ts';
import type { GoalSheetStatus } from '../../src/shared/api/goal-sheets.ts';
import type { Audience, ResourceKind } from '../../src/shared/api/resources.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

// The program runs on Los Angeles time here, so a UTC date would be a day off in the evening.
const TZ = 'America/Los_Angeles';

describeEachDialect('match workspace', (db) => {
  let ctx: TestContext;
  let staffId: number;
  let periodId: number;

  /** A fresh session at the current clock (moving the clock far ends idle sessions, as in life). */
  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const workspaceOf = async (matchId: number, userId: number) => {
    const res = await (await as(userId)).get(`/api/matches/${matchId}/workspace`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const setSettings = async (patch: Record<string, unknown>) => {
    const res = await (await as(staffId)).patch('/api/settings', patch);
    expect(res.statusCode, res.body).toBe(200);
  };
  const addSheet = (matchId: number, status: GoalSheetStatus) => {
    const at = ctx.clock.now().toISOString();
    return ctx.deps.db
      .insertInto('goal_sheets')
      .values({
        match_id: matchId,
        status,
        revision: 1,
        content: '{"goals":[],"communication":{"channels":[],"cadence":""}}',
        updated_at: at,
        created_at: at,
      })
      .execute();
  };
  const addContact = (match: TestMatch, occurredOn: string) =>
    ctx.deps.db
      .insertInto('contacts')
      .values({
        match_id: match.id,
        logged_by: match.menteeId,
        occurred_on: occurredOn,
        channel: 'video',
        activity_id: null,
        note: '',
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staffId = (await createPerson(ctx.deps, ['staff'])).id;
    await setSettings({ timeZone: TZ });
    periodId = await periodIn(ctx.deps, 'active');
  });
  afterAll(() => ctx.close());

  it('opens for the two people and staff, and answers 404 to everyone else', async () => {
    ctx.clock.set('2026-09-20T18:00:00.000Z');
    const m = await createTestMatch(ctx.deps, {
      periodId,
      mentorAnswers: { jobTitle: 'Head of Youth Services', employer: 'Lakeside Public Library', phone: '+1 312 555 0100' },
    });
    const [mentor, mentee] = await Promise.all([
      ctx.deps.db.selectFrom('users').select(['id', 'name']).where('id', '=', m.mentorId).executeTakeFirstOrThrow(),
      ctx.deps.db.selectFrom('users').select(['id', 'name']).where('id', '=', m.menteeId).executeTakeFirstOrThrow(),
    ]);

    const asMentor = await workspaceOf(m.id, m.mentorId);
    expect(asMentor.myRole).toBe('mentor');
    expect(asMentor.people.map((p: { name: string; role: string }) => [p.role, p.name])).toEqual([['mentee', mentee.name]]);
    expect(asMentor.match).toMatchObject({
      id: m.id,
      periodId,
      status: 'active',
      matchedAt: m.matchedAt,
    });
    expect(asMentor.match.periodName).toMatch(/^Matching period/);

    const asMentee = await workspaceOf(m.id, m.menteeId);
    expect(asMentee.myRole).toBe('mentee');
    expect(asMentee.people).toHaveLength(1);
    expect(asMentee.people[0]).toMatchObject({
      userId: mentor.id,
      role: 'mentor',
      name: mentor.name,
      jobTitle: 'Head of Youth Services',
      employer: 'Lakeside Public Library',
      phone: '+1 312 555 0100',
      region: 'US-IL',
      timeZone: 'America/Chicago',
      channels: ['email', 'video'],
      languages: ['English'],
    });

    const asStaff = await workspaceOf(m.id, staffId);
    expect(asStaff.myRole).toBe('staff');
    expect(asStaff.people.map((p: { role: string }) => p.role)).toEqual(['mentee', 'mentor']);

    const roles: Role[][] = [['mentee'], ['mentor'], ['committee'], ['taskforce'], ['committee', 'mentor']];
    for (const r of roles) {
      const stranger = await createPerson(ctx.deps, r);
      const res = await (await as(stranger.id)).get(`/api/matches/${m.id}/workspace`);
      expect(res.statusCode, r.join()).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'No such match.' });
    }
    const self = await as(m.menteeId);
    expect((await self.get('/api/matches/999999/workspace')).statusCode).toBe(404);
    expect((await self.get('/api/matches/abc/workspace')).statusCode).toBe(400);
    expect((await self.get('/api/matches/99999999999/workspace')).statusCode).toBe(400);
    expect((await new Client(ctx.app).get(`/api/matches/${m.id}/workspace`)).statusCode).toBe(401);
  });

  it('"Why we paired you" shows the pair only what speaks for them; staff see both sides as stored', async () => {
    const m = await createTestMatch(ctx.deps, {
      periodId,
      mentorAnswers: { interests: ['Storytime', 'Coding'], yearsExperience: 12, languages: ['English', 'Spanish'] },
      menteeAnswers: { interests: ['Storytime', 'Archives', 'Outreach'], yearsExperience: 1, languages: ['English'] },
    });
    const stored = "1 shared interest (Storytime); none of the mentee's interests in the mentor's expertise; a wide gap";
    await ctx.deps.db.updateTable('matches').set({ explanation: stored }).where('id', '=', m.id).execute();

    for (const viewer of [m.mentorId, m.menteeId]) {
      const why: string = (await workspaceOf(m.id, viewer)).match.explanation;
      expect(why).toContain('1 shared interest (Storytime)');
      expect(why).toContain('mentor has 11 years more experience');
      expect(why).toContain('both speak English');
      expect(why).not.toMatch(/none of|wide gap|different|no shared|preference/);
      const mine = (await (await as(viewer)).get('/api/my/matches')).json().matches.find((x: { id: number }) => x.id === m.id);
      expect(mine.explanation).toBe(why);
    }
    expect((await workspaceOf(m.id, staffId)).match.explanation).toBe(stored);
  });

  it('never shows confidential preferences, hopes or eligibility answers, to the partner or to staff', async () => {
    const secret: Partial<ApplicationAnswers> = {
      hopes: 'SECRET-HOPES: I hope to move into management soon.',
      confidential: { preferSameGender: true, gender: 'woman', notes: 'CONFIDENTIAL-NOTE: not my old supervisor.' },
      eligibilityAnswers: { association_member: 'no' },
    };
    const m = await createTestMatch(ctx.deps, { periodId, mentorAnswers: secret, menteeAnswers: secret });
    for (const viewer of [m.mentorId, m.menteeId, staffId]) {
      const body = await workspaceOf(m.id, viewer);
      const text = JSON.stringify(body);
      for (const leak of ['SECRET-HOPES', 'CONFIDENTIAL-NOTE', 'woman', 'preferSameGender', 'association_member'])
        expect(text).not.toContain(leak);
      const keys: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, inner] of Object.entries(v)) {
            keys.push(k);
            walk(inner);
          }
        }
      };
      walk(body);
      expect(keys.filter((k) => /hope|confidential|eligib|gender|capacity|interest/i.test(k))).toEqual([]);
    }
  });

  it('counts the dates that matter in the program time zone, with the goal sheet’s status', async () => {
    // 05:30 UTC on 2 Sep is 22:30 on 1 Sep in Los Angeles: the match was made on 1 Sep there.
    ctx.clock.set('2026-09-02T05:30:00.000Z');
    const m = await createTestMatch(ctx.deps, { periodId });
    // 06:30 UTC on 21 Sep is still 20 Sep in Los Angeles.
    ctx.clock.set('2026-09-21T06:30:00.000Z');
    let w = await workspaceOf(m.id, m.menteeId);
    expect(w.dates).toEqual({
      timeZone: TZ,
      today: '2026-09-20',
      matchedOn: '2026-09-01',
      goalSheet: { on: '2026-10-01', daysLeft: 11, status: 'not_started' },
      guaranteeCloses: { on: '2026-10-16', daysLeft: 26 },
      programEnds: { on: '2027-08-31', daysLeft: 345 },
    });

    await addSheet(m.id, 'draft');
    ctx.clock.set('2026-10-03T19:00:00.000Z');
    w = await workspaceOf(m.id, m.menteeId);
    expect(w.dates.goalSheet).toEqual({ on: '2026-10-01', daysLeft: -2, status: 'draft' });
    await ctx.deps.db.updateTable('goal_sheets').set({ status: 'returned' }).where('match_id', '=', m.id).execute();
    expect((await workspaceOf(m.id, m.menteeId)).dates.goalSheet.status).toBe('returned');

    await setSettings({ guaranteeWindowDays: 0 });
    try {
      expect((await workspaceOf(m.id, m.menteeId)).dates.guaranteeCloses).toBeNull();
    } finally {
      await setSettings({ guaranteeWindowDays: 45 });
    }
  });

  it('tells a pair in the same region who would both meet in person that they could', async () => {
    ctx.clock.set('2026-09-20T18:00:00.000Z');
    const near = { region: 'US-WA', meetInPerson: true };
    const cases: [Partial<ApplicationAnswers>, Partial<ApplicationAnswers>, boolean][] = [
      [near, near, true],
      [near, { ...near, meetInPerson: false }, false],
      [near, { ...near, region: 'US-OR' }, false],
    ];
    for (const [mentorAnswers, menteeAnswers, expected] of cases) {
      const m = await createTestMatch(ctx.deps, { periodId, mentorAnswers, menteeAnswers });
      expect((await workspaceOf(m.id, m.menteeId)).meetInPersonHint, JSON.stringify([mentorAnswers, menteeAnswers])).toBe(expected);
    }
  });

  it('keeps count of contacts by the program’s month and flags a quiet match', async () => {
    ctx.clock.set('2026-09-02T18:00:00.000Z');
    const m = await createTestMatch(ctx.deps, { periodId });
    // 04:00 UTC on 1 Oct is 21:00 on 30 Sep in Los Angeles: still September there.
    ctx.clock.set('2026-10-01T04:00:00.000Z');
    let w = await workspaceOf(m.id, m.mentorId);
    expect(w.contact).toEqual({ contactsPerMonth: 2, lastContactOn: null, contactsThisMonth: 0, quietAfterWeeks: 3, quiet: true });

    await addContact(m, '2026-08-30'); // logged by mistake before the match: not a recent contact
    await addContact(m, '2026-09-10');
    await addContact(m, '2026-09-28');
    await addContact(m, '2026-09-30');
    w = await workspaceOf(m.id, m.mentorId);
    expect(w.contact).toEqual({ contactsPerMonth: 2, lastContactOn: '2026-09-30', contactsThisMonth: 3, quietAfterWeeks: 3, quiet: false });

    // A day later in Los Angeles it is October: nothing logged this month yet.
    ctx.clock.set('2026-10-01T18:00:00.000Z');
    expect((await workspaceOf(m.id, m.mentorId)).contact.contactsThisMonth).toBe(0);

    // Three weeks after the last contact the match is quiet (20 days is not yet).
    ctx.clock.set('2026-10-20T18:00:00.000Z');
    expect((await workspaceOf(m.id, m.mentorId)).contact.quiet).toBe(false);
    ctx.clock.advance(24 * 3600_000);
    expect((await workspaceOf(m.id, m.mentorId)).contact.quiet).toBe(true);
    await setSettings({ quietAfterWeeks: 4 });
    try {
      expect((await workspaceOf(m.id, m.mentorId)).contact).toMatchObject({ quiet: false, quietAfterWeeks: 4 });
    } finally {
      await setSettings({ quietAfterWeeks: 3 });
    }
    // An ended match is never quiet.
    await ctx.deps.db
      .updateTable('matches')
      .set({ status: 'ended', ended_at: ctx.clock.now().toISOString() })
      .where('id', '=', m.id)
      .execute();
    expect((await workspaceOf(m.id, m.mentorId)).contact.quiet).toBe(false);
  });

  it('lists the program goals both chose and a few resources for the viewer’s role', async () => {
    ctx.clock.set('2026-09-20T18:00:00.000Z');
    const m = await createTestMatch(ctx.deps, {
      periodId,
      mentorAnswers: { programGoalIds: [1, 2, 3] },
      menteeAnswers: { programGoalIds: [5, 3, 2] },
    });
    const at = ctx.clock.now().toISOString();
    const resource = (position: number, title: string, audience: Audience, kind: ResourceKind = 'link') => ({
      position,
      title,
      description: '',
      kind,
      audience,
      topic: 'Getting started',
      url: 'https://example.org',
      created_at: at,
      updated_at: at,
    });
    await ctx.deps.db
      .insertInto('resources')
      .values([
        resource(3, 'For everyone', 'everyone', 'video'),
        resource(1, 'For mentors', 'mentors'),
        resource(2, 'For mentees', 'mentees', 'document'),
      ])
      .execute();

    const asMentor = await workspaceOf(m.id, m.mentorId);
    expect(asMentor.sharedProgramGoalIds).toEqual([2, 3]);
    expect(asMentor.resources.map((r: { title: string }) => r.title)).toEqual(['For mentors', 'For everyone']);
    expect(asMentor.resources[1]).toEqual({ id: expect.any(Number), title: 'For everyone', kind: 'video', topic: 'Getting started' });
    expect((await workspaceOf(m.id, m.menteeId)).resources.map((r: { title: string }) => r.title)).toEqual(['For mentees', 'For everyone']);
    expect((await workspaceOf(m.id, staffId)).resources.map((r: { title: string }) => r.title)).toEqual([
      'For mentors',
      'For mentees',
      'For everyone',
    ]);
  });
});
