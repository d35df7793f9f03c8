import { afterAll, beforeAll, expect, it } from 'vitest';
import { listContactsOfPeriod } from '../../src/features/activities/period-contacts.service.ts';
import { listApplicationsForPeriod } from '../../src/features/applications/applications.service.ts';
import { seedAtScale } from '../../src/features/demo/scale-seed.ts';
import { listGoalSheetContents } from '../../src/features/goal-sheets/period-goal-sheets.service.ts';
import { countActiveMatchesOf } from '../../src/features/matches/matches.service.ts';
import { listMatchesOfPeriod } from '../../src/features/matches/period-matches.service.ts';
import { listAttendees } from '../../src/features/events/event-attendance.service.ts';
import { PAGE_KEYS } from '../../src/db/read-in-pages.ts';
import { listPeriodMentorMatches } from '../../src/features/recognition-letters/recognition-letters.store.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

// The whole-period reads behind the CSV exports and the re-match candidates go a page at a time
// (src/db/read-in-pages.ts). On a period of several pages, each must give exactly what one
// statement over the period gives, in the same order.
describeEachDialect('whole-period reads, a page at a time', (db) => {
  let ctx: TestContext;
  let periodId: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await seedAtScale(ctx.deps, { people: 7_000 });
    const active = await ctx.deps.db.selectFrom('periods').select('id').where('status', '=', 'active').executeTakeFirstOrThrow();
    periodId = active.id;
  }, 120_000);
  afterAll(() => ctx.close());

  it('reads every application of the period, and of one side, in order', async () => {
    const expected = await ctx.deps.db
      .selectFrom('applications')
      .select(['id', 'role'])
      .where('period_id', '=', periodId)
      .orderBy('id')
      .execute();
    expect(expected.length).toBeGreaterThan(2 * PAGE_KEYS);
    const all = await listApplicationsForPeriod(ctx.deps.db, periodId);
    expect(all.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    const mentors = await listApplicationsForPeriod(ctx.deps.db, periodId, { role: 'mentor' });
    expect(mentors.map((a) => a.id)).toEqual(expected.filter((a) => a.role === 'mentor').map((a) => a.id));
    expect(mentors.every((a) => a.role === 'mentor' && a.periodId === periodId)).toBe(true);
  });

  it('reads every match, goal sheet and contact of the period, in order', async () => {
    const matches = await ctx.deps.db
      .selectFrom('matches')
      .select('id')
      .where('period_id', '=', periodId)
      .orderBy('matched_at')
      .orderBy('id')
      .execute();
    expect(matches.length).toBeGreaterThan(PAGE_KEYS);
    expect((await listMatchesOfPeriod(ctx.deps, periodId)).map((m) => m.id)).toEqual(matches.map((m) => m.id));

    const period = { id: periodId, programEndsOn: '2027-06-30' };
    const sheets = await listGoalSheetContents(ctx.deps, period);
    expect(sheets.map((s) => s.matchId)).toEqual(matches.map((m) => m.id).sort((a, b) => a - b));

    const contacts = await ctx.deps.db
      .selectFrom('contacts as c')
      .innerJoin('matches as m', 'm.id', 'c.match_id')
      .select('c.id')
      .where('m.period_id', '=', periodId)
      .orderBy('m.id')
      .orderBy('c.occurred_on')
      .orderBy('c.id')
      .execute();
    expect(contacts.length).toBeGreaterThan(PAGE_KEYS);
    expect((await listContactsOfPeriod(ctx.deps, periodId)).map((c) => c.id)).toEqual(contacts.map((c) => c.id));
  });

  it('counts the active matches of thousands of people, a chunk at a time, as one statement would', async () => {
    const people = await ctx.deps.db.selectFrom('users').select('id').orderBy('id').execute();
    expect(people.length).toBeGreaterThan(4 * 500);
    const expected = [];
    for (const side of ['mentor', 'mentee'] as const) {
      const person = side === 'mentor' ? 'm.mentor_user_id' : 'm.mentee_user_id';
      const rows = await ctx.deps.db
        .selectFrom('matches as m')
        .select((eb) => [`${person} as user_id`, 'm.period_id', eb.fn.countAll<number | string>().as('n')])
        .where('m.status', '=', 'active')
        .groupBy([person, 'm.period_id'])
        .execute();
      expected.push(...rows.map((r) => ({ userId: r.user_id, side, periodId: r.period_id, matches: Number(r.n) })));
    }
    expected.sort((a, b) => a.userId - b.userId || a.side.localeCompare(b.side) || a.periodId - b.periodId);
    const counted = await countActiveMatchesOf(
      ctx.deps.db,
      people.map((p) => p.id),
    );
    expect(counted.map(({ userId, side, periodId, matches }) => ({ userId, side, periodId, matches }))).toEqual(expected);
  });

  it('reads every match of the period by mentor name, as the recognition letters group them', async () => {
    const expected = await ctx.deps.db
      .selectFrom('matches as m')
      .innerJoin('users as u', 'u.id', 'm.mentor_user_id')
      .select(['m.mentor_user_id', 'm.mentee_user_id', 'm.matched_at'])
      .where('m.period_id', '=', periodId)
      .orderBy('u.name')
      .orderBy('m.mentor_user_id')
      .orderBy('m.matched_at')
      .orderBy('m.id')
      .execute();
    expect(expected.length).toBeGreaterThan(PAGE_KEYS);
    const read = await listPeriodMentorMatches(ctx.deps.db, periodId);
    expect(read.map((r) => [r.mentorUserId, r.menteeUserId, r.matchedAt])).toEqual(
      expected.map((r) => [r.mentor_user_id, r.mentee_user_id, r.matched_at]),
    );
  });

  it('reads everyone invited to an event, by name', async () => {
    const biggest = await ctx.deps.db
      .selectFrom('event_invitations')
      .select((eb) => ['event_id', eb.fn.countAll<number | string>().as('n')])
      .groupBy('event_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(biggest.n)).toBeGreaterThan(PAGE_KEYS);
    const expected = await ctx.deps.db
      .selectFrom('event_invitations as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select('i.user_id')
      .where('i.event_id', '=', biggest.event_id)
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    const { attendees } = await listAttendees(ctx.deps, { userId: 0, roles: ['staff'] }, biggest.event_id);
    expect(attendees.map((a) => a.userId)).toEqual(expected.map((r) => r.user_id));
  });
});
