import type { EventKind, RsvpState } from '../../shared/events.ts';
import { DAY_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { addDays, instantAt } from '../../time/zoned.ts';
import type { Row } from './bulk-insert.ts';
import type { PlannedMatch } from './scale-matches.ts';

/**
 * A period's events for its matches: a training early in the year, a forum and a networking
 * hour later on. Everyone in the period's matches is invited (the `period_matches` audience);
 * about half answer, and staff mark who came to the events that are over.
 */

export interface PlannedEvent {
  kind: EventKind;
  title: string;
  /** Days after the matches were announced. */
  day: number;
  time: string;
  durationMinutes: number;
}

export function periodEvents(periodName: string, active: boolean): PlannedEvent[] {
  const training: PlannedEvent = {
    kind: 'training',
    title: `${periodName}: mentoring well, a training for mentors and mentees`,
    day: 19,
    time: '12:00',
    durationMinutes: 60,
  };
  if (active)
    return [
      training,
      { kind: 'forum', title: `${periodName} forum: goals and first activities`, day: 47, time: '18:00', durationMinutes: 60 },
    ];
  return [
    training,
    { kind: 'forum', title: `${periodName} mid-year forum`, day: 150, time: '18:00', durationMinutes: 60 },
    { kind: 'networking', title: `${periodName} networking hour`, day: 270, time: '17:30', durationMinutes: 90 },
  ];
}

const ANSWERS: [RsvpState | null, number][] = [
  ['yes', 0.42],
  ['maybe', 0.1],
  ['no', 0.12],
  [null, 0.36],
];

export function eventRows(
  planned: readonly PlannedEvent[],
  matches: readonly PlannedMatch[],
  o: {
    periodId: number;
    announcedOn: string;
    timeZone: string;
    now: Date;
    random: () => number;
    firstEventId: number;
    staffId: number;
  },
): { events: Row<'events'>[]; invitations: Row<'event_invitations'>[] } {
  const { random } = o;
  const people = new Set<number>();
  for (const m of matches) people.add(m.mentor.userId).add(m.mentee.userId);
  const invited = [...people].sort((a, b) => a - b);
  const events: Row<'events'>[] = [];
  const invitations: Row<'event_invitations'>[] = [];
  for (const [k, e] of planned.entries()) {
    const id = o.firstEventId + k;
    const date = addDays(o.announcedOn, e.day);
    const starts = instantAt(date, e.time, o.timeZone);
    const ends = new Date(starts.getTime() + e.durationMinutes * 60_000);
    const published = new Date(starts.getTime() - 14 * DAY_MS);
    const over = ends.getTime() <= o.now.getTime();
    events.push({
      id,
      kind: e.kind,
      title: e.title,
      description: 'An hour together for every pair of the cohort: what is working, what is hard, and ideas to take home.',
      time_zone: o.timeZone,
      start_date: date,
      start_time: e.time,
      duration_minutes: e.durationMinutes,
      starts_at: toInstant(starts),
      ends_at: toInstant(ends),
      join_url: 'https://meet.example.org/tandem-cohort',
      place: '',
      audience: 'period_matches',
      period_id: o.periodId,
      capacity: null,
      rsvp_deadline_date: null,
      rsvp_deadline_time: null,
      rsvp_deadline_at: null,
      host: 'The program office',
      status: 'published',
      uid: `seed-${o.periodId}-${id}@tandem`,
      created_by: o.staffId,
      created_at: toInstant(published),
      updated_at: toInstant(published),
      published_at: toInstant(published),
      cancelled_at: null,
    });
    const answeredBy = Math.min(starts.getTime(), o.now.getTime()) - published.getTime();
    for (const userId of invited) {
      let r = random();
      let rsvp: RsvpState | null = null;
      for (const [answer, share] of ANSWERS) {
        if (r < share) {
          rsvp = answer;
          break;
        }
        r -= share;
      }
      // Those who said yes mostly came, a few who said maybe did too; the rest are marked absent or not at all.
      const attended = !over ? null : rsvp === 'yes' ? (random() < 0.8 ? 1 : 0) : rsvp === 'maybe' ? (random() < 0.4 ? 1 : 0) : null;
      invitations.push({
        event_id: id,
        user_id: userId,
        invited_at: toInstant(published),
        sent_sequence: 0,
        rsvp,
        responded_at: rsvp ? new Date(published.getTime() + Math.floor(random() * answeredBy)).toISOString() : null,
        waitlisted_at: null,
        waitlist_order: null,
        attended,
        attendance_source: attended === null ? null : 'hand',
        attendance_marked_by: attended === null ? null : o.staffId,
        attendance_marked_at: attended === null ? null : new Date(ends.getTime() + 3_600_000).toISOString(),
      });
    }
  }
  return { events, invitations };
}
