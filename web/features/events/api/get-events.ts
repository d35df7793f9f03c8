import { queryOptions, useQuery } from '@tanstack/react-query';
import { eventListSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';
import type { EventsWhen } from './event-keys.ts';

export type { EventView, EventsWhen };

/** Participants get the events they are invited to; staff get every event, drafts too. */
export async function getEvents(when: EventsWhen): Promise<EventView[]> {
  return (await apiRequest(`/api/events?when=${when}`, eventListSchema)).events;
}

export function eventsQueryOptions(when: EventsWhen) {
  return queryOptions({ queryKey: eventKeys.list(when), queryFn: () => getEvents(when) });
}

export function useEvents(when: EventsWhen) {
  return useQuery(eventsQueryOptions(when));
}
