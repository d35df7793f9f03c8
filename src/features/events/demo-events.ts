import { createJobRunner } from '../../background-jobs.ts';
import type { Deps } from '../../deps.ts';
import type { EventInput } from '../../shared/api/events.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { DAY_MS, fixedClock } from '../../time/clock.ts';
import type { Actor } from '../accounts/actor.ts';
import { getSettings } from '../programs/program.service.ts';
import { listAttendees, markAttendance } from './event-attendance.service.ts';
import { attachMedia, setSharing } from './event-media.service.ts';
import { rsvpAsMember } from './event-rsvp.service.ts';
import { createEvent, publishEvent } from './events.service.ts';

/**
 * The demo's events, made through the real use cases on clocks set back in time, with the job
 * queue run at each step, so invitations, calendar files, answers and the outbox are what the
 * app itself would have written: next week's forum for the active cohort with some answers, a
 * training three weeks ago with its attendance and recording, and a conference meet-up.
 */
export async function seedDemoEvents(
  deps: Deps,
  staff: Actor,
  opts: { periodId: number; periodName: string; at: (dayOffset: number, time: string) => Date },
): Promise<void> {
  const { timeZone } = await getSettings(deps);
  const on = (day: number, time: string): Deps => ({ ...deps, clock: fixedClock(opts.at(day, time)) });
  const dayOf = (offset: number) => calendarDateIn(timeZone, new Date(deps.clock.now().getTime() + offset * DAY_MS));
  const runJobs = async (d: Deps) => {
    const runner = createJobRunner(d, { workerId: 'demo' });
    for (let empty = 0; empty < 2;) empty = (await runner.runOnce(d.clock.now())).claimed === 0 ? empty + 1 : 0;
  };
  const base = (over: Partial<EventInput>): EventInput => ({
    kind: 'forum',
    title: '',
    description: '',
    date: dayOf(7),
    time: '18:00',
    timeZone,
    durationMinutes: 60,
    joinUrl: '',
    place: '',
    audience: 'period_matches',
    periodId: opts.periodId,
    capacity: null,
    rsvpDeadline: null,
    host: 'The program office',
    ...over,
  });
  const schedule = async (day: number, input: EventInput) => {
    const d = on(day, '10:00');
    const event = await createEvent(d, staff, input);
    await publishEvent(d, staff, event.id);
    await runJobs(d);
    return event.id;
  };
  /** Answers from the first people on the list, in turn. */
  const answer = async (eventId: number, day: number, plan: readonly ('yes' | 'no' | 'maybe' | null)[]) => {
    const { attendees } = await listAttendees(deps, staff, eventId);
    const people = attendees.filter((a) => !a.roles.includes('staff'));
    for (const [k, response] of plan.entries()) {
      const person = people[k];
      if (!person || response === null) continue;
      await rsvpAsMember(
        on(day, `${String(9 + (k % 10)).padStart(2, '0')}:15`),
        { userId: person.userId, roles: ['mentee'] },
        eventId,
        response,
      );
    }
    return people;
  };

  // A training three weeks ago: who came, and its recording, open to later cohorts.
  const training = await schedule(
    -35,
    base({
      kind: 'training',
      title: 'Mentoring well: a training webinar for mentors and mentees',
      description:
        'How to set goals you can reach, how to give and take feedback, and what to do when a match goes quiet. About 45 minutes of talk and 15 of questions.',
      date: dayOf(-21),
      time: '12:00',
      joinUrl: 'https://meet.example.org/tandem-training',
      host: 'Dr. Lena Okoye, mentoring coach',
    }),
  );
  const trainees = await answer(training, -30, [
    'yes',
    'yes',
    'yes',
    'maybe',
    'yes',
    'no',
    'yes',
    'yes',
    'maybe',
    'yes',
    'yes',
    'no',
    'yes',
  ]);
  const came = trainees.slice(0, 13).filter((_, k) => k % 4 !== 3);
  await markAttendance(on(-21, '13:20'), staff, training, [
    ...came.map((p) => ({ userId: p.userId, attended: true })),
    ...trainees
      .slice(0, 13)
      .filter((p) => !came.includes(p))
      .map((p) => ({ userId: p.userId, attended: false })),
  ]);
  await attachMedia(on(-20, '09:30'), staff, training, 'recording', { url: 'https://videos.example.org/tandem/mentoring-well-webinar' });
  await attachMedia(on(-20, '09:35'), staff, training, 'slides', { url: 'https://example.org/tandem/mentoring-well-slides.pdf' });
  await setSharing(on(-20, '09:36'), staff, training, true);

  // Next week's hour-long online forum for the cohort, announced four days ago.
  const forum = await schedule(
    -4,
    base({
      title: `${opts.periodName} forum: goals, expectations and first activities`,
      description:
        'An hour for every match of the cohort: how pairs are setting their goals, what to expect of each other, and activities that worked for others. Bring your goal sheet and a question.',
      joinUrl: 'https://meet.example.org/tandem-forum',
      capacity: 80,
      rsvpDeadline: { date: dayOf(6), time: '18:00' },
    }),
  );
  await answer(forum, -3, ['yes', 'yes', 'maybe', 'yes', null, 'no', 'yes', 'yes', null, 'maybe', 'yes', null, 'yes', 'yes']);

  // A meet-up at the association's conference, for everyone, with a room and a few places.
  const meetup = await schedule(
    -2,
    base({
      kind: 'meetup',
      title: 'Mentoring meet-up at the annual conference',
      description: 'Coffee and conversation for mentors, mentees and anyone thinking of joining next year.',
      date: dayOf(33),
      time: '07:30',
      durationMinutes: 75,
      place: 'Annual conference, Hyatt Regency, Room 204B',
      audience: 'everyone',
      periodId: null,
      capacity: 25,
      host: 'The matching committee',
    }),
  );
  await answer(meetup, -1, ['yes', 'maybe', 'yes', null, 'yes']);
}
