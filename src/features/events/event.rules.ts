import type { EventAudience, EventPhase, EventStatus, RsvpResponse, RsvpState } from '../../shared/events.ts';
import type { Role } from '../../shared/roles.ts';
import { HOUR_MS, DAY_MS } from '../../time/clock.ts';
import { isValidCalendarDate, isValidTimeZone } from '../../time/calendar-date.ts';
import { instantAt } from '../../time/zoned.ts';

/**
 * The rules of events, pure: when an event is, who may answer, who gets a place. Every rule
 * that depends on time takes `now`.
 */

export interface EventWhen {
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  rsvpDeadline: { date: string; time: string } | null;
}

export interface EventInstants {
  startsAt: Date;
  endsAt: Date;
  rsvpDeadlineAt: Date | null;
}

export type EventWhenProblem = { field: string; message: string };

/**
 * The instants of a wall-clock start in its zone (daylight saving handled by the zone's rules,
 * not by adding hours), or what is wrong with it.
 */
export function eventInstants(w: EventWhen): { ok: true; instants: EventInstants } | { ok: false; problem: EventWhenProblem } {
  if (!isValidTimeZone(w.timeZone)) {
    return {
      ok: false,
      problem: { field: 'timeZone', message: `"${w.timeZone}" is not a time zone we know. Pick one like America/Chicago.` },
    };
  }
  if (!isValidCalendarDate(w.date)) return { ok: false, problem: { field: 'date', message: `${w.date} is not a date on the calendar.` } };
  if (w.durationMinutes <= 0) return { ok: false, problem: { field: 'durationMinutes', message: 'The event must end after it starts.' } };
  const startsAt = instantAt(w.date, w.time, w.timeZone);
  const endsAt = new Date(startsAt.getTime() + w.durationMinutes * 60_000);
  let rsvpDeadlineAt: Date | null = null;
  if (w.rsvpDeadline) {
    if (!isValidCalendarDate(w.rsvpDeadline.date)) {
      return { ok: false, problem: { field: 'rsvpDeadline', message: `${w.rsvpDeadline.date} is not a date on the calendar.` } };
    }
    rsvpDeadlineAt = instantAt(w.rsvpDeadline.date, w.rsvpDeadline.time, w.timeZone);
    if (rsvpDeadlineAt.getTime() > startsAt.getTime()) {
      return { ok: false, problem: { field: 'rsvpDeadline', message: 'Answers must close before the event starts, not after.' } };
    }
  }
  return { ok: true, instants: { startsAt, endsAt, rsvpDeadlineAt } };
}

/** Where it happens: a join link, a place, or both; never neither. */
export function whereProblem(joinUrl: string, place: string): EventWhenProblem | null {
  return joinUrl === '' && place.trim() === ''
    ? { field: 'place', message: 'Say where it happens: a join link for an online event, or a place.' }
    : null;
}

export interface EventClock {
  status: EventStatus;
  startsAt: string;
  endsAt: string;
  rsvpDeadlineAt: string | null;
}

export function eventPhase(e: EventClock, now: Date): EventPhase {
  if (e.status === 'draft') return 'draft';
  if (e.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (t < Date.parse(e.startsAt)) return 'upcoming';
  if (t < Date.parse(e.endsAt)) return 'happening';
  return 'past';
}

/** Answers are taken while the event is published and has not started, until the deadline. */
export function rsvpOpen(e: EventClock, now: Date): boolean {
  if (eventPhase(e, now) !== 'upcoming') return false;
  return e.rsvpDeadlineAt === null || now.getTime() < Date.parse(e.rsvpDeadlineAt);
}

/** Why an answer cannot be taken now, in words for the person; null when it can. */
export function rsvpRefusal(e: EventClock, now: Date): { code: string; message: string } | null {
  switch (eventPhase(e, now)) {
    case 'cancelled':
      return { code: 'EVENT_CANCELLED', message: 'This event was cancelled, so it no longer takes answers.' };
    case 'draft':
      return { code: 'EVENT_NOT_PUBLISHED', message: 'This event has not been announced yet.' };
    case 'happening':
    case 'past':
      return { code: 'EVENT_OVER', message: 'This event has already started, so answers are closed.' };
    case 'upcoming':
      return rsvpOpen(e, now) ? null : { code: 'RSVP_CLOSED', message: 'Answers for this event closed at its deadline.' };
  }
}

/**
 * The place a "yes" gets: a place while there is room (or it is already held); when the event is
 * full, the waitlist for someone who asked for it (or is already on it), else "full" (refused,
 * so nobody lands on a waitlist without knowing). Other answers are what they say.
 */
export function rsvpOutcome(p: {
  capacity: number | null;
  yesCount: number;
  current: RsvpState | null;
  response: RsvpResponse;
  joinWaitlist: boolean;
}): RsvpState | 'full' {
  if (p.response !== 'yes') return p.response;
  if (p.current === 'yes') return 'yes';
  if (p.capacity !== null && p.yesCount >= p.capacity) return p.joinWaitlist || p.current === 'waitlist' ? 'waitlist' : 'full';
  return 'yes';
}

/** How many people come off the waitlist: as many as there are free places and people waiting. */
export function placesToFill(capacity: number | null, yesCount: number, waiting: number): number {
  if (capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - yesCount));
}

/** A capacity below the people already holding a place would take places away: refused. */
export function capacityProblem(capacity: number | null, yesCount: number): EventWhenProblem | null {
  if (capacity === null || capacity >= yesCount) return null;
  return {
    field: 'capacity',
    message: `${yesCount} people already have a place, so the capacity cannot be lower than ${yesCount}.`,
  };
}

/** The roles an audience takes (any one of them will do); "period_matches" is decided by matches. */
export const AUDIENCE_ROLES: Record<Exclude<EventAudience, 'period_matches'>, readonly Role[]> = {
  everyone: ['mentor', 'mentee', 'staff', 'committee'],
  mentors: ['mentor'],
  mentees: ['mentee'],
  staff: ['staff'],
};

export const REMINDERS = [
  { which: 'day', beforeMs: DAY_MS, words: 'tomorrow' },
  { which: 'hour', beforeMs: HOUR_MS, words: 'in an hour' },
] as const;
export type ReminderWhich = (typeof REMINDERS)[number]['which'];

/**
 * The reminders still to send for an event starting at `startsAt`: each is due at its time, and
 * is pointless once the event has started. A reminder whose time passed while the worker was
 * down still goes out, as long as the event has not started and the next reminder is not due.
 */
export function remindersDue(startsAt: Date, now: Date): { which: ReminderWhich; at: Date }[] {
  const t = now.getTime();
  const start = startsAt.getTime();
  if (t >= start) return [];
  const due = REMINDERS.map((r) => ({ which: r.which, at: new Date(start - r.beforeMs) })).filter((r) => r.at.getTime() <= t);
  // Only the latest one that is due: no "tomorrow" an hour before.
  return due.length === 0 ? [] : [due[due.length - 1]!];
}

/**
 * Who may see a past event's recording and slides: staff; the people it was for; and, when staff
 * opened it to later cohorts, every mentor and mentee.
 */
export function maySeeArchive(p: {
  isStaff: boolean;
  invited: boolean;
  openToLaterCohorts: boolean;
  audience: EventAudience;
  roles: readonly Role[];
}): boolean {
  if (p.isStaff || p.invited) return true;
  // A staff-only event stays with staff, whatever its sharing says.
  if (p.audience === 'staff') return false;
  return p.openToLaterCohorts && (p.roles.includes('mentor') || p.roles.includes('mentee'));
}

/**
 * The program year an event belongs to: the period it was for, or else the one whose year (from
 * its matches' announcement to its program's end) holds the event's date; the latest such when
 * years overlap.
 */
export function periodOfEvent(
  e: { periodId: number | null; date: string },
  periods: readonly { id: number; matchesAnnouncedOn: string; programEndsOn: string }[],
): number | null {
  if (e.periodId !== null) return e.periodId;
  const holding = periods.filter((p) => p.matchesAnnouncedOn <= e.date && e.date <= p.programEndsOn);
  holding.sort((a, b) =>
    a.matchesAnnouncedOn < b.matchesAnnouncedOn ? 1 : a.matchesAnnouncedOn > b.matchesAnnouncedOn ? -1 : b.id - a.id,
  );
  return holding[0]?.id ?? null;
}
