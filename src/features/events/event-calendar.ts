import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { ICalCalendar } from 'ical-generator';
import type { RsvpState } from '../../shared/events.ts';

/**
 * Calendar files (RFC 5545) for events. One event always has the same UID; SEQUENCE grows with
 * each change people were told of, so calendar apps replace the copy they hold. Times are
 * written in the event's own zone (with its VTIMEZONE), so "18:00 in Chicago" stays 18:00 local
 * across a daylight-saving change.
 */

export interface CalendarEvent {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  joinUrl: string;
  place: string;
  cancelled: boolean;
  /** The app page of the event. */
  pageUrl: string;
  updatedAt: Date;
}

export interface CalendarPerson {
  name: string;
  email: string;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

const PARTSTAT: Record<RsvpState, ICalAttendeeStatus> = {
  yes: ICalAttendeeStatus.ACCEPTED,
  no: ICalAttendeeStatus.DECLINED,
  maybe: ICalAttendeeStatus.TENTATIVE,
  waitlist: ICalAttendeeStatus.TENTATIVE,
};

/** "Tandem <no-reply@example.org>" → its parts; a bare address keeps the program's name. */
export function organizerFrom(mailFrom: string, fallbackName: string): CalendarPerson {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  if (m) return { name: m[1]!.trim() || fallbackName, email: m[2]!.trim() };
  return { name: fallbackName, email: mailFrom.trim() };
}

function location(e: CalendarEvent): string {
  return [e.place.trim(), e.joinUrl].filter((s) => s !== '').join(' — ');
}

function addEvent(cal: ICalCalendar, e: CalendarEvent, organizer: CalendarPerson, attendee?: CalendarPerson & { state: RsvpState | null }) {
  const description = [e.description, e.joinUrl !== '' ? `Join: ${e.joinUrl}` : '', `Details and your answer: ${e.pageUrl}`]
    .filter((s) => s !== '')
    .join('\n\n');
  const event = cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: e.updatedAt,
    lastModified: e.updatedAt,
    // A TZDate's wall-clock getters answer in its zone, which is what ical-generator writes.
    start: new TZDate(e.startsAt.getTime(), e.timeZone),
    end: new TZDate(e.endsAt.getTime(), e.timeZone),
    timezone: e.timeZone,
    summary: e.title,
    description,
    location: location(e) || null,
    url: e.pageUrl,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: organizer.name, email: organizer.email },
  });
  if (attendee) {
    event.createAttendee({
      name: attendee.name,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      rsvp: !e.cancelled,
      status: attendee.state ? PARTSTAT[attendee.state] : ICalAttendeeStatus.NEEDSACTION,
    });
  }
}

function newCalendar(name: string, method: CalendarMethod | null): ICalCalendar {
  const cal = ical({ name, prodId: { company: 'Tandem', product: 'Events', language: 'EN' } });
  if (method) cal.method(ICalCalendarMethod[method]);
  return cal;
}

/** One event for one person: an invitation or update (REQUEST) or a cancellation (CANCEL). */
export function eventInvitationIcs(p: {
  programName: string;
  method: 'REQUEST' | 'CANCEL';
  event: CalendarEvent;
  organizer: CalendarPerson;
  attendee: CalendarPerson & { state: RsvpState | null };
}): string {
  const cal = newCalendar(p.programName, p.method);
  cal.timezone({ name: p.event.timeZone, generator: getVtimezoneComponent });
  addEvent(cal, { ...p.event, cancelled: p.method === 'CANCEL' || p.event.cancelled }, p.organizer, p.attendee);
  return cal.toString();
}

/** One event to add to a calendar by hand ("Add to calendar"): no METHOD, no attendee. */
export function eventDownloadIcs(p: { programName: string; event: CalendarEvent; organizer: CalendarPerson }): string {
  const cal = newCalendar(p.programName, null);
  cal.timezone({ name: p.event.timeZone, generator: getVtimezoneComponent });
  addEvent(cal, p.event, p.organizer);
  return cal.toString();
}

/**
 * A person's feed: every event they are invited to, cancelled ones marked so, which calendar
 * apps that subscribe to it show and update. Each zone used gets its VTIMEZONE.
 */
export function calendarFeedIcs(p: { programName: string; events: readonly CalendarEvent[]; organizer: CalendarPerson }): string {
  const cal = newCalendar(p.programName, 'PUBLISH');
  for (const zone of new Set(p.events.map((e) => e.timeZone))) {
    cal.timezone({ name: zone, generator: getVtimezoneComponent });
  }
  cal.ttl(60 * 60);
  for (const e of p.events) addEvent(cal, e, p.organizer);
  return cal.toString();
}
