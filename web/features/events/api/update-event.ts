import { useMutation } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventInput, EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

/** Saves the whole form again; for a published event the server e-mails everyone invited an update. */
export function updateEvent(input: { id: number; event: EventInput }): Promise<EventView> {
  return apiRequest(`/api/events/${input.id}`, eventSchema, { method: 'PATCH', body: input.event });
}

export function useUpdateEvent() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: updateEvent, onSuccess: (event) => refresh(event) });
}
