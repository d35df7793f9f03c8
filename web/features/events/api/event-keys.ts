// This feature's query keys: every key starts with ['events'], so one change can refresh them all
// (an answer changes the counts on the list, the event's page and the home page's card at once).
export type EventsWhen = 'upcoming' | 'past' | 'all';
export interface ArchiveFilters {
  q: string;
  kind: string;
  periodId: string;
}

export const eventKeys = {
  all: ['events'] as const,
  list: (when: EventsWhen) => ['events', 'list', when] as const,
  one: (id: number) => ['events', 'one', id] as const,
  attendees: (id: number) => ['events', 'attendees', id] as const,
  archive: (filters: ArchiveFilters) => ['events', 'archive', filters] as const,
  /** The public answer page: not under ['events'], it belongs to a link rather than a session. */
  rsvpLink: (token: string) => ['rsvp-link', token] as const,
  calendarFeed: ['calendar-feed'] as const,
};
