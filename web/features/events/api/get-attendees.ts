import { queryOptions, useQuery } from '@tanstack/react-query';
import { attendeeListSchema } from '../../../../src/shared/api/events.ts';
import type { Attendee } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

export type { Attendee };

/** Everyone invited, with their answer and whether they came (staff only). */
export function getAttendees(eventId: number) {
  return apiRequest(`/api/events/${eventId}/attendees`, attendeeListSchema);
}

export function attendeesQueryOptions(eventId: number) {
  return queryOptions({ queryKey: eventKeys.attendees(eventId), queryFn: () => getAttendees(eventId) });
}

export function useAttendees(eventId: number) {
  return useQuery(attendeesQueryOptions(eventId));
}
