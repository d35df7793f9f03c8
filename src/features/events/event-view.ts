import type { Executor } from '../../db/executor.ts';
import type { EventMedia, EventView } from '../../shared/api/events.ts';
import { eventPhase, rsvpOpen } from './event.rules.ts';
import type { EventClock } from './event.rules.ts';
import type { CalendarEvent } from './event-calendar.ts';
import type { EventForMail } from './event-mails.ts';
import { countRsvps, invitationsOf, listWaitlist } from './event-invitations.store.ts';
import { listMedia } from './event-media.store.ts';
import type { EventMediaRecord } from './event-media.store.ts';
import type { EventRecord } from './events.store.ts';

/** What the time rules need of an event. */
export const clockOf = (e: EventRecord): EventClock => ({
  status: e.status,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  rsvpDeadlineAt: e.rsvpDeadline?.at ?? null,
});

/** Where the browser gets an attachment: the link itself, or the file route. */
function mediaView(m: EventMediaRecord): EventMedia {
  return {
    kind: m.kind,
    url: m.url,
    fileName: m.file?.name ?? null,
    fileType: m.file?.type ?? null,
    fileSize: m.file?.size ?? null,
    href: m.url ?? `/api/events/${m.eventId}/media/${m.kind}/file`,
  };
}

/**
 * Events as one person sees them: the counts, their own answer and waitlist place, and what
 * was attached afterwards. A few queries for the whole list, not a few per event.
 */
export async function eventViews(db: Executor, events: readonly EventRecord[], viewerId: number, now: Date): Promise<EventView[]> {
  const ids = events.map((e) => e.id);
  const [counts, mine, media] = await Promise.all([countRsvps(db, ids), invitationsOf(db, viewerId, ids), listMedia(db, ids)]);
  const positions = new Map<number, number>();
  for (const [eventId, inv] of mine) {
    if (inv.rsvp !== 'waitlist') continue;
    const list = await listWaitlist(db, eventId);
    positions.set(eventId, list.findIndex((w) => w.id === inv.id) + 1);
  }
  return events.map((e) => {
    const clock = clockOf(e);
    const attached = media.filter((m) => m.eventId === e.id);
    const recording = attached.find((m) => m.kind === 'recording');
    const slides = attached.find((m) => m.kind === 'slides');
    return {
      id: e.id,
      kind: e.kind,
      title: e.title,
      description: e.description,
      status: e.status,
      phase: eventPhase(clock, now),
      timeZone: e.timeZone,
      date: e.date,
      time: e.time,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      durationMinutes: e.durationMinutes,
      joinUrl: e.joinUrl,
      place: e.place,
      audience: e.audience,
      periodId: e.periodId,
      periodName: e.periodName,
      capacity: e.capacity,
      rsvpDeadline: e.rsvpDeadline,
      rsvpOpen: rsvpOpen(clock, now),
      host: e.host,
      sequence: e.sequence,
      openToLaterCohorts: e.openToLaterCohorts,
      counts: counts.get(e.id) ?? { invited: 0, yes: 0, no: 0, maybe: 0, waitlist: 0, attended: 0 },
      invited: mine.has(e.id),
      myRsvp: mine.get(e.id)?.rsvp ?? null,
      myWaitlistPosition: positions.get(e.id) ?? null,
      recording: recording ? mediaView(recording) : null,
      slides: slides ? mediaView(slides) : null,
      publishedAt: e.publishedAt,
      cancelledAt: e.cancelledAt,
    };
  });
}

export const eventPageUrl = (origin: string, eventId: number) => `${origin}/events/${eventId}`;

export function calendarEventOf(e: EventRecord, origin: string): CalendarEvent {
  return {
    uid: e.uid,
    sequence: e.sequence,
    title: e.title,
    description: e.description,
    timeZone: e.timeZone,
    startsAt: new Date(e.startsAt),
    endsAt: new Date(e.endsAt),
    joinUrl: e.joinUrl,
    place: e.place,
    cancelled: e.status === 'cancelled',
    pageUrl: eventPageUrl(origin, e.id),
    updatedAt: new Date(e.updatedAt),
  };
}

export function mailEventOf(e: EventRecord, origin: string): EventForMail {
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    timeZone: e.timeZone,
    startsAt: new Date(e.startsAt),
    durationMinutes: e.durationMinutes,
    joinUrl: e.joinUrl,
    place: e.place,
    host: e.host,
    pageUrl: eventPageUrl(origin, e.id),
  };
}
