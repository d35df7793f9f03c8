import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { createJobRunner, startJobWorker } from '../../src/background-jobs.ts';
import type { JobRunner } from '../../src/features/jobs/job-runner.ts';
import { findJobByKey } from '../../src/features/jobs/jobs.store.ts';
import type { Reminder, ReminderList } from '../../src/shared/api/reminders.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { eventually } from '../setup/job-deps.ts';
import { activePeriod } from '../setup/job-fixtures.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

// Times are UTC instants; the program runs in Chicago. A match made at 10:00 CDT on 3 Oct 2026
// has its goal sheet due on Monday 2 Nov, the day after the clocks go back.
const MATCHED_AT = '2026-10-03T15:00:00.000Z';
const QUIET_AT = '2026-10-24T14:00:00.000Z'; // 09:00 CDT, three weeks after the match
const DUE_7_AT = '2026-10-26T14:00:00.000Z'; // 09:00 CDT
const DUE_1_AT = '2026-11-01T15:00:00.000Z'; // 09:00 CST

describeEachDialect('reminders', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffName: string;
  let staffId: number;
  let runner: JobRunner;
  let periodId: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    staff = new Client(ctx.app);
    staffName = 'Sam Staff';
    runner = createJobRunner(ctx.deps, { workerId: 'test-worker' });
    periodId = await activePeriod(ctx.deps);
  });
  afterAll(() => ctx.close());

  /**
   * One poll of the worker at `at`: plans (once per 15-minute slot) and sends what is due. Staff
   * sign in afresh at the new time (weeks pass between polls; sessions do not last that long).
   */
  const pollAt = async (at: string) => {
    ctx.clock.set(at);
    await staff.useSession(await startSession(ctx.deps, staffId));
    return runner.runOnce();
  };
  const list = async (status = 'scheduled'): Promise<ReminderList> => {
    const res = await staff.get(`/api/reminders?status=${status}`);
    expect(res.statusCode).toBe(200);
    return res.json() as ReminderList;
  };
  const ofMatch = (reminders: Reminder[], matchId: number) => reminders.filter((r) => r.matchId === matchId);
  const mailTo = (deps: Deps, address: string) =>
    deps.db
      .selectFrom('outbox')
      .select(['id', 'kind', 'subject', 'text_body'])
      .where('to_address', '=', address)
      .where('kind', 'like', 'reminder.%')
      .orderBy('id')
      .execute();
  const emailOf = async (userId: number) =>
    (await ctx.deps.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;

  it('plans a new match’s reminders, e-mails both people a week before the goal sheet is due, and skips what no longer applies', async () => {
    const match = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT, names: ['Rosa Mentor', 'Theo Mentee'] });
    const [mentorEmail, menteeEmail] = [await emailOf(match.mentorId), await emailOf(match.menteeId)];

    // The planner runs within its 15-minute slot.
    await pollAt('2026-10-03T16:00:00.000Z');
    const scheduled = await list();
    expect(scheduled.timeZone).toBe('America/Chicago');
    expect(ofMatch(scheduled.reminders, match.id).map((r) => [r.kind, r.runAt, r.dueOn, r.status])).toEqual([
      ['quiet', QUIET_AT, null, 'scheduled'],
      ['goal-sheet-due-7', DUE_7_AT, '2026-11-02', 'scheduled'],
      ['goal-sheet-due-1', DUE_1_AT, '2026-11-02', 'scheduled'],
      ['goal-sheet-overdue', '2026-11-03T15:00:00.000Z', '2026-11-02', 'scheduled'],
    ]);
    expect(ofMatch(scheduled.reminders, match.id)[1]).toMatchObject({
      kindLabel: 'Goal sheet due in a week',
      mentor: { id: match.mentorId, name: 'Rosa Mentor' },
      mentee: { id: match.menteeId, name: 'Theo Mentee' },
      attempts: 0,
      lastError: null,
      outboxId: null,
    });

    // A contact logged on 19 Oct ends the first quiet spell: the next planning pass skips that
    // reminder at once and plans one three weeks after the contact instead.
    await ctx.deps.db
      .insertInto('contacts')
      .values({
        match_id: match.id,
        logged_by: match.menteeId,
        occurred_on: '2026-10-19',
        channel: 'video',
        activity_id: null,
        note: '',
        created_at: '2026-10-19T20:00:00.000Z',
      })
      .execute();
    await pollAt('2026-10-20T12:00:00.000Z');
    const skippedQuiet = ofMatch((await list('skipped')).reminders, match.id);
    expect(skippedQuiet.map((r) => [r.kind, r.runAt, r.skipReason])).toEqual([
      ['quiet', QUIET_AT, 'A contact was logged since, so the match is not quiet.'],
    ]);
    expect(ofMatch((await list()).reminders, match.id).map((r) => [r.kind, r.runAt])).toContainEqual(['quiet', '2026-11-09T15:00:00.000Z']);

    // Nothing goes out a minute early…
    await pollAt('2026-10-26T13:59:00.000Z');
    expect(await mailTo(ctx.deps, menteeEmail)).toEqual([]);
    // …and at 09:00 in Chicago both people hear from us, once.
    await pollAt(DUE_7_AT);
    await pollAt('2026-10-26T14:05:00.000Z');
    const toMentee = await mailTo(ctx.deps, menteeEmail);
    const toMentor = await mailTo(ctx.deps, mentorEmail);
    expect(toMentee.map((m) => [m.kind, m.subject])).toEqual([['reminder.goal-sheet-due-7', 'Your goal sheet is due on November 2']]);
    expect(toMentor.map((m) => [m.kind, m.subject])).toEqual([['reminder.goal-sheet-due-7', 'Your goal sheet is due on November 2']]);
    expect(toMentee[0]?.text_body).toContain('Hello Theo Mentee,');
    expect(toMentee[0]?.text_body).toContain(
      'the goal sheet you and Rosa Mentor are writing together is due on Monday, November 2, 2026, in 7 days.',
    );
    expect(toMentee[0]?.text_body).toContain('You send it to the program office once you both agree on it.');
    expect(toMentee[0]?.text_body).toContain(`Open the goal sheet: http://localhost:3000/matches/${match.id}/goal-sheet`);
    expect(toMentor[0]?.text_body).toContain('Theo Mentee sends it to the program office');

    const sent = ofMatch((await list('sent')).reminders, match.id);
    expect(sent).toEqual([
      expect.objectContaining({ kind: 'goal-sheet-due-7', status: 'sent', attempts: 1, outboxId: toMentee[0]?.id, finishedAt: DUE_7_AT }),
    ]);

    // The pair sends the goal sheet in: the later goal-sheet reminders are skipped, with the reason.
    await ctx.deps.db
      .insertInto('goal_sheets')
      .values({
        match_id: match.id,
        status: 'submitted',
        revision: 3,
        content: JSON.stringify({ goals: [], communication: { channels: [], cadence: '' } }),
        updated_by: match.menteeId,
        updated_at: '2026-10-28T18:00:00.000Z',
        submitted_by: match.menteeId,
        submitted_at: '2026-10-28T18:00:00.000Z',
        first_submitted_at: '2026-10-28T18:00:00.000Z',
        created_at: '2026-10-10T18:00:00.000Z',
      })
      .execute();
    await pollAt(DUE_1_AT);
    const skipped = ofMatch((await list('skipped')).reminders, match.id);
    expect(skipped.map((r) => [r.kind, r.skipReason]).sort()).toEqual([
      ['goal-sheet-due-1', 'The goal sheet has been sent in.'],
      ['goal-sheet-overdue', 'The goal sheet has been sent in.'],
      ['quiet', 'A contact was logged since, so the match is not quiet.'],
    ]);
    expect((await mailTo(ctx.deps, menteeEmail)).map((m) => m.kind)).toEqual(['reminder.goal-sheet-due-7']);

    // Three weeks after the last contact, the quiet reminder goes out.
    await pollAt('2026-11-09T15:00:00.000Z');
    const quiet = (await mailTo(ctx.deps, menteeEmail)).filter((m) => m.kind === 'reminder.quiet');
    expect(quiet.map((m) => m.subject)).toEqual(['Time to catch up with Rosa Mentor?']);
    expect(quiet[0]?.text_body).toContain(
      'The last contact between you and Rosa Mentor logged on your match page was on Monday, October 19, 2026, 3 weeks ago.',
    );
    expect(quiet[0]?.text_body).toContain(`Your match: http://localhost:3000/matches/${match.id}`);
    expect((await mailTo(ctx.deps, mentorEmail)).filter((m) => m.kind === 'reminder.quiet').map((m) => m.subject)).toEqual([
      'Time to catch up with Theo Mentee?',
    ]);
  });

  it('lets staff cancel a scheduled reminder, which then never goes out nor comes back', async () => {
    const matchedAt = '2026-11-20T16:00:00.000Z'; // due 20 Dec; a week before is 13 Dec, 09:00 CST
    const match = await createTestMatch(ctx.deps, { periodId, matchedAt });
    await pollAt('2026-11-20T17:00:00.000Z');
    const due7 = ofMatch((await list()).reminders, match.id).find((r) => r.kind === 'goal-sheet-due-7');
    expect(due7).toMatchObject({ runAt: '2026-12-13T15:00:00.000Z', status: 'scheduled' });

    const res = await staff.post(`/api/reminders/${due7?.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: due7?.id,
      status: 'cancelled',
      cancelledBy: { name: staffName },
      finishedAt: '2026-11-20T17:00:00.000Z',
    });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id', 'details'])
      .where('action', '=', 'reminder.cancelled')
      .execute();
    expect(audit).toEqual([
      {
        action: 'reminder.cancelled',
        entity_type: 'reminder',
        entity_id: String(due7?.id),
        details: expect.stringContaining(`"matchId":${match.id}`),
      },
    ]);

    const again = await staff.post(`/api/reminders/${due7?.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'REMINDER_NOT_SCHEDULED', message: 'This reminder is already cancelled.' });

    await pollAt('2026-12-13T15:00:00.000Z');
    await pollAt('2026-12-13T15:30:00.000Z');
    const mentee = await emailOf(match.menteeId);
    expect((await mailTo(ctx.deps, mentee)).map((m) => m.kind)).not.toContain('reminder.goal-sheet-due-7');
    expect(ofMatch((await list('cancelled')).reminders, match.id).map((r) => [r.kind, r.status])).toEqual([
      ['goal-sheet-due-7', 'cancelled'],
    ]);
    expect(ofMatch((await list()).reminders, match.id).map((r) => r.kind)).not.toContain('goal-sheet-due-7');
  });

  it('refuses to cancel a reminder that went out, one that does not exist, and bad input, clearly', async () => {
    const sent = (await list('sent')).reminders[0];
    expect(sent?.status).toBe('sent');
    const res = await staff.post(`/api/reminders/${sent?.id}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'REMINDER_NOT_SCHEDULED',
      message: 'This reminder has already been sent, so it can no longer be cancelled.',
    });

    expect((await staff.post('/api/reminders/999999/cancel')).json()).toEqual({ code: 'NOT_FOUND', message: 'No such reminder.' });
    // The planner's own job is not a reminder.
    const plan = await ctx.deps.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'reminders.plan')
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    expect((await staff.post(`/api/reminders/${plan.id}/cancel`)).statusCode).toBe(404);

    expect((await staff.post('/api/reminders/abc/cancel')).statusCode).toBe(400);
    const bad = await staff.get('/api/reminders?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBeTypeOf('string');
    expect((await staff.get('/api/reminders?limit=0')).statusCode).toBe(400);
  });

  it('shows failed reminders with their error, and skips a reminder of a match that ended', async () => {
    const match = await createTestMatch(ctx.deps, { periodId, matchedAt: '2026-12-01T16:00:00.000Z' });
    await pollAt('2026-12-01T17:00:00.000Z');
    const mine = ofMatch((await list()).reminders, match.id);
    const [quiet, due7] = [mine.find((r) => r.kind === 'quiet'), mine.find((r) => r.kind === 'goal-sheet-due-7')];
    await ctx.deps.db
      .updateTable('jobs')
      .set({ status: 'failed', attempts: 5, last_error: 'SMTP refused the message', finished_at: '2026-12-01T17:00:00.000Z' })
      .where('id', '=', quiet?.id ?? 0)
      .execute();
    expect(ofMatch((await list('failed')).reminders, match.id)).toEqual([
      expect.objectContaining({
        id: quiet?.id,
        status: 'failed',
        attempts: 5,
        maxAttempts: 5,
        lastError: 'SMTP refused the message',
        skipReason: null,
      }),
    ]);

    await ctx.deps.db
      .updateTable('matches')
      .set({ status: 'ended', ended_at: '2026-12-02T10:00:00.000Z' })
      .where('id', '=', match.id)
      .execute();
    await pollAt(due7?.runAt ?? '');
    expect(ofMatch((await list('skipped')).reminders, match.id)).toContainEqual(
      expect.objectContaining({ id: due7?.id, skipReason: 'The match has ended.', attempts: 1 }),
    );
    expect(await mailTo(ctx.deps, await emailOf(match.menteeId))).toEqual([]);
  });

  it('runs a worker beside the web server unless RUN_JOBS=false', async () => {
    const withJobs = (runJobs: boolean): Deps => ({ ...ctx.deps, config: { ...ctx.deps.config, runJobs, jobPollMs: 10 } });
    expect(startJobWorker(withJobs(false))).toBeNull();

    ctx.clock.set('2027-01-04T12:05:00.000Z');
    const worker = startJobWorker(withJobs(true));
    expect(worker?.running).toBe(true);
    try {
      // It polls by itself: this slot's planning pass gets done without anyone calling runOnce.
      await eventually(
        async () => (await findJobByKey(ctx.deps.db, 'reminders.plan:2027-01-04T12:00:00.000Z'))?.status === 'done',
        5_000,
        'the worker to plan',
      );
    } finally {
      await worker?.stop();
    }
    expect(worker?.running).toBe(false);
  });

  it('is for staff only', async () => {
    const { client: mentee } = await signedIn(ctx, ['mentee']);
    expect((await mentee.get('/api/reminders')).statusCode).toBe(403);
    expect((await new Client(ctx.app).get('/api/reminders')).statusCode).toBe(401);
  });
});
