import { useMutation } from '@tanstack/react-query';
import { eventInputSchema, eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventInput, EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

export { eventInputSchema };
export type { EventInput };

/** Saves a new event as a draft: nobody is told until it is published. */
export function createEvent(input: EventInput): Promise<EventView> {
  return apiRequest('/api/events', eventSchema, { method: 'POST', body: input });
}

export function useCreateEvent() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: createEvent, onSuccess: (event) => refresh(event) });
}
