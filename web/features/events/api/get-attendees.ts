import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { attendeeListSchema } from '../../../../src/shared/api/events.ts';
import type { Attendee, AttendeeList } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';
import type { AttendeeFilters } from './event-keys.ts';

export type { Attendee, AttendeeFilters, AttendeeList };

export const ATTENDEES_PAGE_SIZE = 50;

/**
 * One page of an event's invitees (staff only); `after` is the previous page's `nextCursor`. The
 * waitlist is shown in its own order, first in line first; everything else by name.
 */
export function getAttendees(eventId: number, filters: AttendeeFilters, after?: string, limit = ATTENDEES_PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  if (filters.state === 'waitlist') params.set('sort', 'waitlist');
  if (after) params.set('after', after);
  return apiRequest(`/api/events/${eventId}/attendees?${params.toString()}`, attendeeListSchema);
}

export function attendeesQueryOptions(eventId: number, filters: AttendeeFilters) {
  return infiniteQueryOptions({
    queryKey: eventKeys.attendees(eventId, filters),
    queryFn: ({ pageParam }) => getAttendees(eventId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** A page at a time ("Load more" fetches the next); the previous list stays while another loads. */
export function useAttendees(eventId: number, filters: AttendeeFilters) {
  return useInfiniteQuery({ ...attendeesQueryOptions(eventId, filters), placeholderData: keepPreviousData });
}
