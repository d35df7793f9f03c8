import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/features/demo/demo-seed.ts';
import { listEventsFor } from '../../src/features/events/events.service.ts';
import { getSurveyForm } from '../../src/features/surveys/survey-answers.service.ts';
import { getSurveyResults } from '../../src/features/surveys/survey-results.service.ts';
import { listSurveysFor } from '../../src/features/surveys/surveys.service.ts';
import { participantRoles } from '../../src/features/applications/participant-roles.rules.ts';
import type { Participation } from '../../src/features/applications/participant-roles.rules.ts';
import { getProgramHealth } from '../../src/features/program-health/program-health.service.ts';
import { HEALTH_LIST_MAX } from '../../src/shared/api/program-health.ts';
import type { ApplicationRole, ApplicationStatus } from '../../src/shared/application-vocabulary.ts';
import type { MySuggestions } from '../../src/shared/api/mentor-choice.ts';
import { describeEachDialect, freshTestDb } from '../setup/dialects.ts';
import type { DisposableTestDb } from '../setup/dialects.ts';
import { buildTestApp, Client } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

// Noon in Chicago on 20 April 2026: the committee's run was 39 days earlier, in March.
const NOW = '2026-04-20T17:00:00.000Z';

/** Everything the demo wrote for the match year, in a form two databases can be compared by. */
async function matchYearSnapshot(ctx: TestContext) {
  const db = ctx.deps.db;
  const matches = await db
    .selectFrom('matches as m')
    .innerJoin('users as r', 'r.id', 'm.mentor_user_id')
    .innerJoin('users as e', 'e.id', 'm.mentee_user_id')
    .select(['m.id', 'm.period_id', 'r.email as mentor', 'e.email as mentee', 'm.matched_at', 'm.score', 'm.explanation', 'm.status'])
    .orderBy('m.id')
    .execute();
  const sheets = await db.selectFrom('goal_sheets').selectAll().orderBy('id').execute();
  const versions = await db.selectFrom('goal_sheet_versions').selectAll().orderBy('id').execute();
  const contacts = await db.selectFrom('contacts').selectAll().orderBy('id').execute();
  const periods = await db
    .selectFrom('periods')
    .select(['id', 'name', 'status', 'matches_announced_on', 'program_ends_on'])
    .orderBy('id')
    .execute();
  return { matches, sheets, versions, contacts, periods };
}

describeEachDialect('the demo program’s match year', (db, dialect) => {
  let ctx: TestContext;
  let snapshot: Awaited<ReturnType<typeof matchYearSnapshot>>;
  let periodId: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ctx.clock.set(NOW);
    await seedDemo(ctx.deps);
    snapshot = await matchYearSnapshot(ctx);
    const active = snapshot.periods.find((p) => p.status === 'active');
    if (!active) throw new Error('no active period in the demo');
    periodId = active.id;
  });
  afterAll(() => ctx.close());

  it('adds a cohort matched about five weeks ago, next to the closed and the open ones', () => {
    expect(snapshot.periods.map((p) => [p.name, p.status])).toEqual([
      ['2025 cohort', 'closed'],
      ['2026 cohort', 'applications_open'],
      ['2026 spring cohort', 'active'],
      ['2026 choose-your-mentor cohort', 'applications_open'],
    ]);
    const matches = snapshot.matches.filter((m) => m.period_id === periodId);
    expect(matches.length).toBeGreaterThanOrEqual(30);
    expect(matches.length).toBeLessThanOrEqual(33);
    expect(matches.every((m) => m.explanation.length > 20)).toBe(true);
    // One pair was re-matched last week: its match ended, the rest are active.
    expect(matches.filter((m) => m.status === 'ended')).toHaveLength(1);
    // A pair made by hand before the run, the committee's run, latecomers paired by hand, and last week's re-match.
    expect(new Set(matches.map((m) => m.matched_at.slice(0, 10)))).toEqual(
      new Set(['2026-03-05', '2026-03-12', '2026-03-26', '2026-04-13']),
    );
  });

  it('tells the re-match story: one request waiting, one pair re-matched with its history, one window closed yesterday, liaisons everywhere', async () => {
    const requests = await ctx.deps.db.selectFrom('rematch_requests').select(['status', 'match_id']).execute();
    expect(requests.map((r) => r.status).sort()).toEqual(['open', 'rematched']);
    const rematched = requests.find((r) => r.status === 'rematched');
    const history = await ctx.deps.db
      .selectFrom('match_events')
      .select('kind')
      .where('match_id', '=', rematched?.match_id ?? 0)
      .orderBy('id')
      .execute();
    expect(history.map((e) => e.kind).slice(0, 4)).toEqual(['made', 'rematch_requested', 'ended', 'rematched']);
    const active = snapshot.matches.filter((m) => m.period_id === periodId && m.status === 'active');
    // Matched 46 days before today (2026-04-20 in Chicago): the 45-day window closed yesterday.
    expect(active.some((m) => m.matched_at.startsWith('2026-03-05'))).toBe(true);
    const liaisons = await ctx.deps.db
      .selectFrom('matches')
      .select('liaison_user_id')
      .where('period_id', '=', periodId)
      .where('status', '=', 'active')
      .execute();
    expect(liaisons.every((m) => m.liaison_user_id !== null)).toBe(true);
  });

  it('puts a few resources on the shelf, for everyone and for each side', async () => {
    const resources = await ctx.deps.db.selectFrom('resources').select(['audience', 'kind', 'url']).execute();
    expect(new Set(resources.map((r) => r.audience))).toEqual(new Set(['everyone', 'mentors', 'mentees']));
    expect(resources.every((r) => r.url?.startsWith('https://'))).toBe(true);
  });

  it('leaves the open cohort and its applications as they were', async () => {
    const open = snapshot.periods.find((p) => p.status === 'applications_open');
    const apps = await ctx.deps.db
      .selectFrom('applications')
      .select(['status'])
      .where('period_id', '=', open?.id ?? 0)
      .execute();
    expect(apps).toHaveLength(79);
    expect(apps.filter((a) => a.status === 'accepted').length).toBeGreaterThan(60);
  });

  it('has goal sheets in every state, reviews with comments, and contacts from lively to silent', async () => {
    const inPeriod = new Set(snapshot.matches.filter((m) => m.period_id === periodId).map((m) => m.id));
    const sheets = snapshot.sheets.filter((s) => inPeriod.has(s.match_id));
    const states = (status: string) => sheets.filter((s) => s.status === status);
    expect(states('acknowledged').length).toBeGreaterThanOrEqual(8);
    expect(states('submitted').length).toBeGreaterThanOrEqual(4);
    expect(states('draft').length).toBeGreaterThanOrEqual(4);
    expect(states('returned')).toHaveLength(3);
    expect(states('returned').every((s) => (s.review_comment ?? '').length > 20 && s.first_submitted_at !== null)).toBe(true);
    expect(inPeriod.size - sheets.length).toBeGreaterThanOrEqual(3); // not started
    // Every sheet's history ends in its state, one revision per event.
    for (const s of sheets) {
      const history = snapshot.versions.filter((v) => v.goal_sheet_id === s.id);
      expect(history.map((v) => v.revision)).toEqual(history.map((_, k) => k + 1));
      expect(history.length).toBe(s.revision);
      expect(history.at(-1)?.event).toBe(s.status === 'draft' ? 'saved' : s.status);
    }
    // Nothing the demo wrote happened after "now".
    for (const s of sheets) expect(s.updated_at <= NOW).toBe(true);
    expect(snapshot.contacts.every((c) => c.created_at <= NOW && c.occurred_on < NOW.slice(0, 10))).toBe(true);
    const activities = await ctx.deps.db.selectFrom('activities').select('id').execute();
    if (activities.length > 0) expect(snapshot.contacts.some((c) => c.activity_id !== null)).toBe(true);
    else expect(snapshot.contacts.every((c) => c.activity_id === null)).toBe(true);

    const health = await getProgramHealth(ctx.deps, periodId, HEALTH_LIST_MAX);
    expect(health.totals.activeMatches).toBe(snapshot.matches.filter((m) => m.period_id === periodId && m.status === 'active').length);
    expect(health.totals.quietMatches).toBeGreaterThanOrEqual(4);
    expect(health.totals.overdueSheets).toBeGreaterThanOrEqual(6);
    expect(health.goalSheets.late).toBeGreaterThanOrEqual(1);
    expect(health.matchesWithoutConcerns).toBeGreaterThanOrEqual(8);
    const codes = new Set(health.matches.flatMap((m) => m.reasons.map((r) => r.code)));
    expect(codes).toEqual(
      new Set(['rematch_requested', 'goal_sheet_overdue', 'goal_sheet_returned', 'quiet', 'guarantee_closing', 'goal_sheet_due_soon']),
    );
    // Lively pairs logged something in the last week.
    const lastWeek = health.contactsPerWeek.at(-2);
    expect(lastWeek?.matches).toBeGreaterThanOrEqual(8);
  });

  it('pairs the demo mentor and mentee, with a draft goal sheet and a couple of contacts', async () => {
    const pair = snapshot.matches.find((m) => m.mentor === 'mentor@demo.tandem.test' && m.mentee === 'mentee@demo.tandem.test');
    expect(pair?.period_id).toBe(periodId);
    expect(snapshot.sheets.find((s) => s.match_id === pair?.id)).toMatchObject({ status: 'draft', revision: 2 });
    expect(snapshot.contacts.filter((c) => c.match_id === pair?.id)).toHaveLength(2);
    // They are still in the open cohort's pool too, as before.
    const open = await ctx.deps.db
      .selectFrom('applications as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.email', 'a.status'])
      .where('a.period_id', '=', snapshot.periods.find((p) => p.status === 'applications_open')?.id ?? 0)
      .where('u.email', 'in', ['mentor@demo.tandem.test', 'mentee@demo.tandem.test'])
      .execute();
    expect(open.map((a) => a.status)).toEqual(['accepted', 'accepted']);
  });

  it('gives applicants a participant role only once accepted or matched, as the app would', async () => {
    const db = ctx.deps.db;
    const apps = await db.selectFrom('applications').select(['user_id', 'role', 'status']).execute();
    const sides = await db.selectFrom('matches').select(['mentor_user_id', 'mentee_user_id']).where('status', '=', 'active').execute();
    const roles = await db.selectFrom('user_roles').select(['user_id', 'role']).where('role', 'in', ['mentor', 'mentee']).execute();
    const applicants = [...new Set(apps.map((a) => a.user_id))];
    const wrong = applicants.filter((id) => {
      const participation: Participation = {
        applications: apps
          .filter((a) => a.user_id === id)
          .map((a) => ({ role: a.role as ApplicationRole, status: a.status as ApplicationStatus })),
        activeMatchSides: sides.flatMap((m) => [
          ...(m.mentor_user_id === id ? ['mentor' as const] : []),
          ...(m.mentee_user_id === id ? ['mentee' as const] : []),
        ]),
      };
      const held = roles
        .filter((r) => r.user_id === id)
        .map((r) => r.role)
        .sort();
      return JSON.stringify(held) !== JSON.stringify(participantRoles(participation).sort());
    });
    expect(wrong).toEqual([]);
    // The open cohort has people still in review or on the waiting list (and nothing else): none of them is a participant yet.
    const onlyWaiting = applicants.filter((id) =>
      apps.filter((a) => a.user_id === id).every((a) => a.status === 'submitted' || a.status === 'waitlisted'),
    );
    expect(onlyWaiting.length).toBeGreaterThan(0);
    expect(roles.filter((r) => onlyWaiting.includes(r.user_id))).toEqual([]);
  });

  it('has next week’s forum with answers, a past training with attendance and a recording, and a conference meet-up', async () => {
    const events = await listEventsFor(ctx.deps, { userId: 1, roles: ['staff'] }, 'all');
    const byKind = (kind: string) => events.filter((e) => e.kind === kind);
    const [forum] = byKind('forum');
    expect(forum).toMatchObject({ phase: 'upcoming', audience: 'period_matches', periodId, durationMinutes: 60 });
    expect(Date.parse(forum!.startsAt) - Date.parse(NOW)).toBeLessThan(8 * 86_400_000);
    expect(forum!.counts.yes).toBeGreaterThanOrEqual(5);
    const [training] = byKind('training');
    expect(training).toMatchObject({ phase: 'past', openToLaterCohorts: true });
    expect(training!.recording?.url).toMatch(/^https:/);
    expect(training!.counts.attended).toBeGreaterThanOrEqual(5);
    const [meetup] = byKind('meetup');
    expect(meetup!.place).toContain('Room');
    // Every invitation went out through the queue, once, with its calendar file.
    const invitations = await ctx.deps.db.selectFrom('outbox').select(['calendar_method']).where('kind', '=', 'event-invitation').execute();
    expect(invitations.length).toBe(events.reduce((n, e) => n + e.counts.invited, 0));
    expect(invitations.every((m) => m.calendar_method === 'REQUEST')).toBe(true);
  });

  it('has last year’s closed wrap-up survey with a spread of answers, and an open check-in the demo mentee has started', async () => {
    const surveys = await listSurveysFor(ctx.deps, { userId: 1, roles: ['staff'] });
    const wrapUp = surveys.find((s) => s.kind === 'wrap-up');
    expect(wrapUp).toMatchObject({ periodName: '2025 cohort', state: 'closed', invited: 40 });
    expect(wrapUp!.responded).toBeGreaterThanOrEqual(30);
    const results = await getSurveyResults(ctx.deps, wrapUp!.id, ['role']);
    const overall = results.questions.find((q) => q.questionId === 'overall')!.overall;
    if (overall.suppressed) throw new Error('the overall question should be shown');
    expect(overall.counts!.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(3);
    const wentWell = results.questions.find((q) => q.questionId === 'went-well')!.overall;
    expect(wentWell.suppressed === false && wentWell.texts!.length).toBeGreaterThanOrEqual(5);
    // Reminders went out to those who had not answered, and to nobody who had.
    const reminders = await ctx.deps.db.selectFrom('outbox').select('id').where('kind', '=', 'survey-reminder').execute();
    expect(reminders.length).toBeGreaterThan(0);

    const checkIn = surveys.find((s) => s.kind === 'check-in');
    expect(checkIn).toMatchObject({ periodId, state: 'open' });
    const mentee = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'mentee@demo.tandem.test')
      .executeTakeFirstOrThrow();
    const form = await getSurveyForm(ctx.deps, { userId: mentee.id, roles: ['mentee'] }, checkIn!.id);
    expect(form.status).toBe('draft');
    expect(Object.keys(form.answers).length).toBeGreaterThan(0);
  });

  it('opens a period where mentees choose: a dozen mentors with room and a card, one full through an accepted request', async () => {
    const db = ctx.deps.db;
    const period = await db
      .selectFrom('periods')
      .select(['id', 'name', 'status', 'matching_mode'])
      .where('matching_mode', '=', 'participant_choice')
      .executeTakeFirstOrThrow();
    expect(period).toMatchObject({ name: '2026 choose-your-mentor cohort', status: 'applications_open' });
    const apps = await db
      .selectFrom('applications as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('mentor_cards as c', 'c.user_id', 'a.user_id')
      .select(['a.user_id', 'u.email', 'a.role', 'a.status', 'a.capacity', 'c.offer'])
      .where('a.period_id', '=', period.id)
      .execute();
    const mentors = apps.filter((a) => a.role === 'mentor');
    const taken = await db
      .selectFrom('matches')
      .select(['id', 'mentor_user_id', 'mentee_user_id', 'status'])
      .where('period_id', '=', period.id)
      .execute();
    const full = mentors.filter((m) => taken.filter((t) => t.mentor_user_id === m.user_id && t.status === 'active').length >= m.capacity);
    expect(full.map((m) => [m.email, m.capacity, m.status])).toEqual([['rafaela.dominguez@demo.tandem.test', 1, 'matched']]);
    const withRoom = mentors.filter((m) => !full.includes(m));
    expect(withRoom).toHaveLength(12);
    expect(new Set(withRoom.map((m) => m.capacity))).toEqual(new Set([1, 2, 3]));
    expect(mentors.every((m) => (m.offer ?? '').length > 100)).toBe(true);
    expect(apps.every((a) => a.email.endsWith('@demo.tandem.test'))).toBe(true);

    // The full mentor's place was taken through the app: a request accepted, with its e-mails; one declined kindly, one waiting.
    const requests = await db
      .selectFrom('mentor_requests as r')
      .innerJoin('users as e', 'e.id', 'r.mentee_user_id')
      .innerJoin('users as m', 'm.id', 'r.mentor_user_id')
      .select(['e.email as mentee', 'm.email as mentor', 'r.status', 'r.answer_note', 'r.match_id', 'r.created_at', 'r.expires_at'])
      .where('r.period_id', '=', period.id)
      .orderBy('r.id')
      .execute();
    expect(requests.map((r) => [r.mentee, r.mentor, r.status])).toEqual([
      ['leilani.kahale@demo.tandem.test', 'rafaela.dominguez@demo.tandem.test', 'accepted'],
      ['thandiwe.nkosi@demo.tandem.test', 'hyunwoo.park@demo.tandem.test', 'declined'],
      ['thandiwe.nkosi@demo.tandem.test', 'rohan.mehta@demo.tandem.test', 'pending'],
    ]);
    expect(taken).toHaveLength(1);
    expect(requests[0]?.match_id).toBe(taken[0]?.id);
    expect(requests[1]?.answer_note?.length).toBeGreaterThan(50);
    expect(requests.every((r) => r.created_at < NOW)).toBe(true);
    expect(requests[2]!.expires_at > NOW).toBe(true);
    const mails = await db
      .selectFrom('outbox')
      .select(['to_address', 'kind'])
      .where('to_address', 'in', ['leilani.kahale@demo.tandem.test', 'rafaela.dominguez@demo.tandem.test', 'rohan.mehta@demo.tandem.test'])
      .execute();
    expect(mails.filter((m) => m.to_address === 'rafaela.dominguez@demo.tandem.test')).toHaveLength(2); // asked, then matched
    expect(mails.filter((m) => m.to_address === 'leilani.kahale@demo.tandem.test')).toHaveLength(1); // matched
    expect(mails.filter((m) => m.to_address === 'rohan.mehta@demo.tandem.test')).toHaveLength(1); // asked

    // chooser@ signs in with the demo password and has suggestions to compare, none full and none from her own library.
    const client = new Client(ctx.app);
    expect((await client.signIn('chooser@demo.tandem.test', 'tandem-demo')).statusCode).toBe(200);
    const res = await client.get('/api/my/suggestions');
    expect(res.statusCode).toBe(200);
    const mine = res.json() as MySuggestions;
    expect(mine).toMatchObject({ state: 'choosing', period: { id: period.id, mode: 'participant_choice' }, pendingRequests: 0 });
    expect(mine.suggestions.length).toBeGreaterThanOrEqual(3);
    const idOf = (address: string) => apps.find((a) => a.email === address)?.user_id;
    const excluded = [idOf('rafaela.dominguez@demo.tandem.test'), idOf('walter.begay@demo.tandem.test')];
    expect(mine.suggestions.filter((s) => excluded.includes(s.mentorId))).toEqual([]);
    // At least three fit her well: the best and mentors who cost the program little, each with reasons.
    expect(mine.suggestions.filter((s) => s.fit !== 'costly' && s.reasons.length >= 3).length).toBeGreaterThanOrEqual(3);
    expect(mine.suggestions.every((s) => s.card.offer.length > 100 && s.card.photoUrl === null)).toBe(true);
    const chooserId = idOf('chooser@demo.tandem.test');
    expect(taken.filter((t) => t.mentee_user_id === chooserId)).toEqual([]);
  });

  it('builds the same match year every time', async () => {
    let again: DisposableTestDb | undefined;
    let second: TestContext | undefined;
    try {
      again = await freshTestDb(dialect);
      second = await buildTestApp(again);
      second.clock.set(NOW);
      await seedDemo(second.deps);
      expect(await matchYearSnapshot(second)).toEqual(snapshot);
    } finally {
      await second?.close();
      await again?.dispose();
    }
  });
});
