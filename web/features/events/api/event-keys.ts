import type { AttendeeStateFilter } from '../../../../src/shared/api/events.ts';

// This feature's query keys: every key starts with ['events'], so one change can refresh them all
// (an answer changes the counts on the list, the event's page and the home page's card at once).
export type EventsWhen = 'upcoming' | 'past' | 'all';
export interface ArchiveFilters {
  q: string;
  kind: string;
  periodId: string;
}

/** What the attendee list shows, as it stands in the event page's address. */
export interface AttendeeFilters {
  q?: string | undefined;
  state?: AttendeeStateFilter | undefined;
  /** 'true': marked as came; 'false': not marked as came. */
  attended?: 'true' | 'false' | undefined;
}

export const eventKeys = {
  all: ['events'] as const,
  list: (when: EventsWhen) => ['events', 'list', when] as const,
  one: (id: number) => ['events', 'one', id] as const,
  /** Every page and filter of an event's attendee list (for updating them all after a save). */
  attendeesOf: (id: number) => ['events', 'attendees', id] as const,
  attendees: (id: number, filters: AttendeeFilters) => ['events', 'attendees', id, filters] as const,
  archive: (filters: ArchiveFilters) => ['events', 'archive', filters] as const,
  /** The public answer page: not under ['events'], it belongs to a link rather than a session. */
  rsvpLink: (token: string) => ['rsvp-link', token] as const,
  calendarFeed: ['calendar-feed'] as const,
};
