import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { EVENTS_PLAN_EVERY_MS } from '../../src/features/events/event-jobs.ts';
import type { JobRunner } from '../../src/features/jobs/job-runner.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';
import { PEOPLE_PER_JOB } from '../../src/features/jobs/jobs.service.ts';

// A week before the forum, which is at 18:00 in Chicago on 8 November 2026: the first Sunday
// after daylight saving ended (1 November), so 18:00 CST = 00:00 UTC on the 9th.
const NOW = '2026-11-01T17:00:00.000Z';
const FORUM_STARTS = '2026-11-09T00:00:00.000Z';

const forumInput = (over: Record<string, unknown> = {}) => ({
  kind: 'forum',
  title: 'November forum: goals and expectations',
  description: 'An hour together. Notes: https://example.org/notes',
  date: '2026-11-08',
  time: '18:00',
  timeZone: 'America/Chicago',
  durationMinutes: 60,
  joinUrl: 'https://meet.example.org/j/123',
  place: '',
  audience: 'period_matches',
  periodId: null as number | null,
  capacity: null as number | null,
  rsvpDeadline: null,
  host: 'Program office',
  ...over,
});

function parseIcs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describeEachDialect('events', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let periodId: number;

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const emailOf = async (userId: number) =>
    (await ctx.deps.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
  const mailsTo = async (userId: number, kind?: string) =>
    ctx.deps.db
      .selectFrom('outbox')
      .select(['id', 'kind', 'subject', 'text_body', 'calendar_ics', 'calendar_method'])
      .where('to_address', '=', await emailOf(userId))
      .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
      .orderBy('id')
      .execute();
  const rsvpTokenOf = async (userId: number, title = '') => {
    const mails = (await mailsTo(userId)).filter((m) => m.text_body.includes('/rsvp/') && m.subject.includes(title));
    const m = /\/rsvp\/([A-Za-z0-9_-]+)\?response=/.exec(mails.at(-1)!.text_body);
    return m![1]!;
  };
  const drain = async (runner: JobRunner) => {
    for (let empty = 0; empty < 2;) {
      const report = await runner.runOnce();
      empty = report.claimed === 0 ? empty + 1 : 0;
    }
  };
  const runJobs = () => drain(createJobRunner(ctx.deps, { workerId: 'test' }));
  const schedule = async (over: Record<string, unknown> = {}) => {
    const res = await staff.post('/api/events', forumInput({ periodId, ...over }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; status: string; phase: string; sequence: number };
  };
  const publish = async (id: number) => {
    const res = await staff.post(`/api/events/${id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const counts = async (id: number) => (await staff.get(`/api/events/${id}`)).json().counts;
  const tableSnapshot = async () => ({
    events: await ctx.deps.db.selectFrom('events').selectAll().orderBy('id').execute(),
    invitations: await ctx.deps.db.selectFrom('event_invitations').selectAll().orderBy('id').execute(),
    media: await ctx.deps.db.selectFrom('event_media').selectAll().orderBy('id').execute(),
    jobs: (await ctx.deps.db.selectFrom('jobs').select('id').execute()).length,
    outbox: (await ctx.deps.db.selectFrom('outbox').select('id').execute()).length,
  });

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    ctx.clock.set(NOW);
    staff = await as(staffId);
    periodId = await periodIn(ctx.deps, 'active');
  });
  afterAll(() => ctx.close());

  describe('scheduling, invitations and calendar files', () => {
    let match: Awaited<ReturnType<typeof createTestMatch>>;
    let eventId: number;

    it('a draft is seen by staff only; publishing invites the matches of the period, once each', async () => {
      match = await createTestMatch(ctx.deps, { periodId, names: ['Maria Mentor', 'Mina Mentee'] });
      const draft = await schedule();
      eventId = draft.id;
      expect(draft).toMatchObject({ status: 'draft', phase: 'draft', sequence: 0 });
      expect((await (await as(match.menteeId)).get(`/api/events/${eventId}`)).statusCode).toBe(404);

      const published = await publish(eventId);
      expect(published).toMatchObject({ status: 'published', phase: 'upcoming', startsAt: FORUM_STARTS, counts: { invited: 2 } });
      // Two workers at once: each person still gets exactly one invitation.
      await Promise.all([
        drain(createJobRunner(ctx.deps, { workerId: 'a', batchSize: 1 })),
        drain(createJobRunner(ctx.deps, { workerId: 'b', batchSize: 1 })),
      ]);
      await runJobs();
      for (const userId of [match.menteeId, match.mentorId]) {
        const invitations = await mailsTo(userId, 'event-invitation');
        expect(invitations).toHaveLength(1);
        expect(invitations[0]!.calendar_method).toBe('REQUEST');
      }
    });

    it('the attached calendar file parses back: zone, start, end, UID, SEQUENCE, METHOD, attendee', async () => {
      const [mail] = await mailsTo(match.menteeId, 'event-invitation');
      const { calendar, vevent, event } = parseIcs(mail!.calendar_ics!);
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/Chicago');
      expect(event.startDate.toString()).toBe('2026-11-08T18:00:00');
      expect(event.startDate.toJSDate().toISOString()).toBe(FORUM_STARTS);
      expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-09T01:00:00.000Z');
      expect(event.sequence).toBe(0);
      const uid = event.uid;
      expect(uid).toMatch(/@tandem$/);
      expect(String(vevent.getFirstPropertyValue('attendee')).toLowerCase()).toBe(`mailto:${await emailOf(match.menteeId)}`);
      expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toMatch(/^mailto:/);

      // "Add to calendar" gives the same event, same UID.
      const res = await (await as(match.menteeId)).get(`/api/events/${eventId}/calendar.ics`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(parseIcs(res.body).event.uid).toBe(uid);
    });

    it('a change sends an update with a higher SEQUENCE and the same UID', async () => {
      const uid = parseIcs((await mailsTo(match.menteeId, 'event-invitation'))[0]!.calendar_ics!).event.uid;
      const res = await staff.patch(`/api/events/${eventId}`, forumInput({ periodId, time: '18:30' }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().sequence).toBe(1);
      await runJobs();
      const updates = await mailsTo(match.menteeId, 'event-update');
      expect(updates).toHaveLength(1);
      const { event } = parseIcs(updates[0]!.calendar_ics!);
      expect(event.uid).toBe(uid);
      expect(event.sequence).toBe(1);
      expect(event.startDate.toString()).toBe('2026-11-08T18:30:00');
      // Changing only the capacity tells nobody anything.
      await staff.patch(`/api/events/${eventId}`, forumInput({ periodId, time: '18:30', capacity: 50 }));
      await runJobs();
      expect(await mailsTo(match.menteeId, 'event-update')).toHaveLength(1);
    });

    it('someone who joins the audience later (a new match) is invited then', async () => {
      const later = await createTestMatch(ctx.deps, { periodId });
      ctx.clock.advance(EVENTS_PLAN_EVERY_MS); // the planner's next slot
      await runJobs();
      expect(await mailsTo(later.menteeId, 'event-invitation')).toHaveLength(1);
      expect((await counts(eventId)).invited).toBe(4);
    });

    it('the mentee answers from the e-mail link, without signing in; the event shows on her list', async () => {
      const token = await rsvpTokenOf(match.menteeId);
      const anonymous = new Client(ctx.app);
      const view = await anonymous.get(`/api/rsvp/${token}`);
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json()).toMatchObject({ personName: 'Mina Mentee', state: null, rsvpOpen: true, event: { id: eventId } });
      const res = await anonymous.post(`/api/rsvp/${token}`, { response: 'yes' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ eventId, state: 'yes', waitlistPosition: null });
      const list = (await (await as(match.menteeId)).get('/api/events')).json().events;
      expect(list.map((e: { id: number }) => e.id)).toContain(eventId);
      expect(list.find((e: { id: number }) => e.id === eventId).myRsvp).toBe('yes');
    });

    it('an answer link answers for its own person and event only', async () => {
      const token = await rsvpTokenOf(match.menteeId);
      const other = await schedule({ title: 'Another forum' });
      await publish(other.id);
      // The token names one invitation: there is no way to point it at another event or person.
      expect((await new Client(ctx.app).post(`/api/rsvp/${token}x`, { response: 'no' })).statusCode).toBe(404);
      const mentor = await as(match.mentorId);
      expect((await mentor.get(`/api/events/${eventId}`)).json().myRsvp).toBeNull();
      const stranger = await createPerson(ctx.deps, ['mentee']);
      expect((await (await as(stranger.id)).request('PUT', `/api/events/${eventId}/rsvp`, { response: 'yes' })).statusCode).toBe(404);
      expect((await mentor.get(`/api/events/${other.id}`)).json().myRsvp).toBeNull();
    });

    it('the personal feed lists the events; a revoked feed stops working', async () => {
      const mentee = await as(match.menteeId);
      const made = await mentee.post('/api/me/calendar-feed');
      expect(made.statusCode, made.body).toBe(201);
      const url = new URL(made.json().url as string);
      const feed = await new Client(ctx.app).get(url.pathname);
      expect(feed.statusCode).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(feed.body));
      expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(1);
      expect((await mentee.get('/api/me/calendar-feed')).json()).toMatchObject({ active: true, url: null });

      const again = await mentee.post('/api/me/calendar-feed');
      expect((await new Client(ctx.app).get(url.pathname)).statusCode).toBe(404);
      const second = new URL(again.json().url as string).pathname;
      expect((await new Client(ctx.app).get(second)).statusCode).toBe(200);
      expect((await mentee.request('DELETE', '/api/me/calendar-feed')).statusCode).toBe(200);
      expect((await new Client(ctx.app).get(second)).statusCode).toBe(404);
    });

    it('a cancellation goes to everyone told of the event, with METHOD:CANCEL', async () => {
      const doomed = await schedule({ title: 'To be cancelled' });
      await publish(doomed.id);
      await runJobs();
      const res = await staff.post(`/api/events/${doomed.id}/cancel`);
      expect(res.statusCode, res.body).toBe(200);
      await runJobs();
      const cancels = (await mailsTo(match.menteeId, 'event-cancelled')).filter((m) => m.subject.includes('To be cancelled'));
      expect(cancels).toHaveLength(1);
      const { calendar, event } = parseIcs(cancels[0]!.calendar_ics!);
      expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(event.sequence).toBe(1);
      // An answer to a cancelled event changes nothing.
      const before = await tableSnapshot();
      const rsvp = await (await as(match.menteeId)).request('PUT', `/api/events/${doomed.id}/rsvp`, { response: 'yes' });
      expect(rsvp.statusCode).toBe(410);
      expect(rsvp.json().code).toBe('EVENT_CANCELLED');
      expect(await tableSnapshot()).toEqual(before);
    });

    it('reminders a day and an hour before go to yes and maybe, once each', async () => {
      ctx.clock.set('2026-11-08T00:40:00.000Z'); // the day before, 18:40 local
      await runJobs();
      ctx.clock.set('2026-11-08T23:35:00.000Z'); // 17:35 local, 55 minutes before 18:30
      await runJobs();
      await runJobs();
      const reminders = (await mailsTo(match.menteeId, 'event-reminder')).filter((m) => m.subject.includes('November forum'));
      expect(reminders.map((m) => m.subject)).toEqual([
        'Reminder: November forum: goals and expectations starts tomorrow',
        'Reminder: November forum: goals and expectations starts in an hour',
      ]);
      // The mentor never answered: no reminders.
      expect(await mailsTo(match.mentorId, 'event-reminder')).toHaveLength(0);
      ctx.clock.set(NOW);
      staff = await as(staffId);
    });
  });

  describe('a reminder to many', () => {
    it('goes out a batch per job, once to each who said yes or maybe, never to others', async () => {
      const big = await schedule({ title: 'Big forum', date: '2026-11-20' });
      await publish(big.id);
      await runJobs();
      const people = [];
      for (let i = 0; i < PEOPLE_PER_JOB * 2 + 50; i++) people.push(await createPerson(ctx.deps, ['mentee'], `Crowd ${i}`));
      // Most said yes, every fifth maybe, every seventh no; one who said yes is disabled since.
      const rsvpOf = (i: number) => (i % 7 === 0 ? 'no' : i % 5 === 0 ? 'maybe' : 'yes');
      await ctx.deps.db
        .insertInto('event_invitations')
        .values(people.map((p, i) => ({ event_id: big.id, user_id: p.id, invited_at: NOW, rsvp: rsvpOf(i), responded_at: NOW })))
        .execute();
      const disabled = people[1]!;
      await ctx.deps.db.updateTable('users').set({ disabled_at: NOW }).where('id', '=', disabled.id).execute();
      ctx.clock.set('2026-11-20T00:40:00.000Z'); // the day before, 18:40 local
      await runJobs();
      const mails = await ctx.deps.db
        .selectFrom('outbox')
        .select('to_address')
        .where('kind', '=', 'event-reminder')
        .where('subject', 'like', '%Big forum%')
        .execute();
      const owed = people.filter((p, i) => rsvpOf(i) !== 'no' && p !== disabled).map((p) => p.email);
      expect(owed.length).toBeGreaterThan(PEOPLE_PER_JOB * 1.5);
      expect(mails.map((m) => m.to_address).sort()).toEqual(owed.sort());
      const jobs = await ctx.deps.db
        .selectFrom('jobs')
        .select(['dedupe_key', 'status'])
        .where('dedupe_key', 'like', `event:${big.id}:reminder:day:%`)
        .orderBy('id')
        .execute();
      expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
      expect(jobs[1]!.dedupe_key).toBe(`${jobs[0]!.dedupe_key}:1`);
      ctx.clock.set(NOW);
      staff = await as(staffId);
    });
  });

  describe('capacity and the waitlist', () => {
    it('a full event refuses a plain yes, waitlists on request, and gives a freed place to the first waiting', async () => {
      const people = await Promise.all([0, 1, 2].map(() => createPerson(ctx.deps, ['mentor'])));
      const full = await schedule({ title: 'Small training', kind: 'training', audience: 'mentors', periodId: null, capacity: 1 });
      await publish(full.id);
      const [a, b, c] = await Promise.all(people.map((p) => as(p.id)));
      const put = (client: Client, body: unknown) => client!.request('PUT', `/api/events/${full.id}/rsvp`, body);
      expect((await put(a!, { response: 'yes' })).json().state).toBe('yes');

      const before = await tableSnapshot();
      const refused = await put(b!, { response: 'yes' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('EVENT_FULL');
      expect(await tableSnapshot()).toEqual(before);

      expect((await put(b!, { response: 'yes', joinWaitlist: true })).json()).toMatchObject({ state: 'waitlist', waitlistPosition: 1 });
      expect((await put(c!, { response: 'yes', joinWaitlist: true })).json()).toMatchObject({ state: 'waitlist', waitlistPosition: 2 });

      expect((await put(a!, { response: 'no' })).json().state).toBe('no');
      expect((await b!.get(`/api/events/${full.id}`)).json()).toMatchObject({ myRsvp: 'yes', myWaitlistPosition: null });
      expect((await c!.get(`/api/events/${full.id}`)).json()).toMatchObject({ myRsvp: 'waitlist', myWaitlistPosition: 1 });
      expect(await mailsTo(people[1]!.id, 'event-waitlist-place')).toHaveLength(1);

      // More room: the next one moves up at once.
      const more = await staff.patch(
        `/api/events/${full.id}`,
        forumInput({ title: 'Small training', kind: 'training', audience: 'mentors', periodId: null, capacity: 2 }),
      );
      expect(more.statusCode, more.body).toBe(200);
      expect((await c!.get(`/api/events/${full.id}`)).json().myRsvp).toBe('yes');
      expect(await counts(full.id)).toMatchObject({ yes: 2, waitlist: 0, no: 1 });

      // A capacity below the places taken is refused, and changes nothing.
      const before2 = await tableSnapshot();
      const lower = await staff.patch(
        `/api/events/${full.id}`,
        forumInput({ title: 'Small training', kind: 'training', audience: 'mentors', periodId: null, capacity: 1 }),
      );
      expect(lower.statusCode).toBe(422);
      expect(lower.json().code).toBe('CAPACITY_BELOW_PLACES_TAKEN');
      expect(await tableSnapshot()).toEqual(before2);
    });

    it('two answers for the last place: one gets it', async () => {
      const [p, q] = await Promise.all([createPerson(ctx.deps, ['mentee']), createPerson(ctx.deps, ['mentee'])]);
      const e = await schedule({ title: 'One seat', audience: 'mentees', periodId: null, capacity: 1 });
      await publish(e.id);
      const [cp, cq] = await Promise.all([as(p.id), as(q.id)]);
      const results = await Promise.all([cp, cq].map((c) => c.request('PUT', `/api/events/${e.id}/rsvp`, { response: 'yes' })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await counts(e.id)).yes).toBe(1);
    });
  });

  describe('after the event: attendance, recording, archive', () => {
    let eventId: number;
    let match: Awaited<ReturnType<typeof createTestMatch>>;
    let otherCohortMentee: number;

    beforeAll(async () => {
      const otherPeriod = await periodIn(ctx.deps, 'active');
      match = await createTestMatch(ctx.deps, { periodId, names: ['Ada Mentor', 'Zoë Mentee'] });
      otherCohortMentee = (await createTestMatch(ctx.deps, { periodId: otherPeriod })).menteeId;
      eventId = (await schedule({ title: 'Training: giving feedback', kind: 'training', date: '2026-11-05', time: '12:00' })).id;
      await publish(eventId);
      await runJobs();
    });

    it('attendance and a recording are refused before the event has happened', async () => {
      const before = await tableSnapshot();
      const mark = await staff.request('PUT', `/api/events/${eventId}/attendance`, { marks: [{ userId: match.menteeId, attended: true }] });
      expect(mark.statusCode).toBe(409);
      const link = await staff.request('PUT', `/api/events/${eventId}/media/recording`, { url: 'https://video.example.org/1' });
      expect(link.statusCode).toBe(409);
      expect(link.json().code).toBe('EVENT_NOT_HAPPENED');
      expect(await tableSnapshot()).toEqual(before);
    });

    it('staff mark attendance by hand and by the tool’s CSV report', async () => {
      ctx.clock.set('2026-11-05T20:00:00.000Z');
      staff = await as(staffId); // the session from a week ago has gone idle
      const mark = await staff.request('PUT', `/api/events/${eventId}/attendance`, { marks: [{ userId: match.mentorId, attended: true }] });
      expect(mark.statusCode, mark.body).toBe(200);
      expect(mark.json().counts.attended).toBe(1);
      const csv = `Name (Original Name),User Email,Join Time\nZoë Mentee,${(await emailOf(match.menteeId)).toUpperCase()},11/05/2026 12:01\nUnknown Guest,guest@example.net,11/05/2026 12:03\n`;
      const body = { fileBase64: Buffer.from(csv).toString('base64'), mode: 'preview' };
      const preview = await staff.post(`/api/events/${eventId}/attendance/import`, body);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().counts).toEqual({ total: 2, matched: 1, unmatched: 1, marked: 0 });
      const imported = await staff.post(`/api/events/${eventId}/attendance/import`, { ...body, mode: 'import' });
      expect(imported.json().counts.marked).toBe(1);
      const list = (await staff.get(`/api/events/${eventId}/attendees`)).json().attendees;
      expect(list.filter((a: { attended: boolean | null }) => a.attended).length).toBe(2);
      const exported = await staff.get(`/api/events/${eventId}/exports/attendance.csv`);
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      expect(exported.body.split('\r\n')[0]).toBe(
        'Event,Event starts at (UTC),Name,E-mail,Roles,Answer,Waitlist position,Answered at (UTC),Attended',
      );
      // Attendance feeds program health.
      const health = (await staff.get(`/api/periods/${periodId}/health`)).json();
      expect(health.events.find((e: { id: number }) => e.id === eventId)).toMatchObject({ attended: 2, attendanceTaken: true });
    });

    it('an uploaded recording is served with ranges to the audience; another cohort sees it only once opened', async () => {
      const boundary = '----tandem';
      const video = Buffer.alloc(4096, 7);
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="feedback.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
        ),
        video,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const up = await staff.request('POST', `/api/events/${eventId}/media/recording/upload`, payload, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json().recording).toMatchObject({ fileName: 'feedback.mp4', fileType: 'video/mp4', fileSize: 4096 });

      const mentee = await as(match.menteeId);
      const part = await mentee.request('GET', `/api/events/${eventId}/media/recording/file`, undefined, { range: 'bytes=0-99' });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe('bytes 0-99/4096');

      const outsider = await as(otherCohortMentee);
      expect((await outsider.get(`/api/events/${eventId}`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/events/${eventId}/media/recording/file`)).statusCode).toBe(404);
      expect((await outsider.get('/api/events/archive')).json().events).toHaveLength(0);

      expect((await staff.request('PUT', `/api/events/${eventId}/sharing`, { openToLaterCohorts: true })).statusCode).toBe(200);
      expect((await outsider.get(`/api/events/${eventId}/media/recording/file`)).statusCode).toBe(200);
      const archive = (await outsider.get('/api/events/archive?q=feedback&kind=training')).json();
      expect(archive.events.map((e: { id: number }) => e.id)).toEqual([eventId]);
      expect((await outsider.get('/api/events/archive?q=nothing-like-this')).json().events).toHaveLength(0);
    });

    it('an answer link stops answering after the event', async () => {
      ctx.clock.set('2026-11-05T20:00:00.000Z');
      const token = await rsvpTokenOf(match.menteeId, 'Training: giving feedback');
      expect((await new Client(ctx.app).get(`/api/rsvp/${token}`)).json()).toMatchObject({
        rsvpOpen: false,
        event: { id: eventId, phase: 'past' },
      });
      const res = await new Client(ctx.app).post(`/api/rsvp/${token}`, { response: 'maybe' });
      expect(res.statusCode).toBe(410);
      expect(res.json().code).toBe('EVENT_OVER');
      ctx.clock.set(NOW);
      staff = await as(staffId);
    });
  });

  describe('bad input gets a clear error and changes nothing', () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['an end before the start', { durationMinutes: -30 }, 400],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 422],
      ['a join link that is not http(s)', { joinUrl: 'javascript:alert(1)' }, 400],
      ['no place and no link', { joinUrl: '', place: '' }, 422],
      ['the matches of no period', { audience: 'period_matches', periodId: null }, 422],
      ['a deadline after the start', { rsvpDeadline: { date: '2026-11-09', time: '09:00' } }, 422],
      ['a date that does not exist', { date: '2026-02-30' }, 422],
      ['a capacity of nobody', { capacity: 0 }, 400],
      ['an unknown period', { periodId: 999_999 }, 404],
    ];
    for (const [what, over, status] of cases) {
      it(what, async () => {
        const before = await tableSnapshot();
        const res = await staff.post('/api/events', forumInput({ periodId, ...over }));
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect(await tableSnapshot()).toEqual(before);
      });
    }
  });
});
