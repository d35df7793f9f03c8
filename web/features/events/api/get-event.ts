import { queryOptions, useQuery } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

/** One event; the server answers 404 to someone who is not invited. */
export function getEvent(id: number): Promise<EventView> {
  return apiRequest(`/api/events/${id}`, eventSchema);
}

export function eventQueryOptions(id: number) {
  return queryOptions({ queryKey: eventKeys.one(id), queryFn: () => getEvent(id), enabled: id > 0, retry: false });
}

export function useEvent(id: number) {
  return useQuery(eventQueryOptions(id));
}
