import { useMutation } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

/** Cancels a published event: everyone invited gets a cancellation that also removes it from their calendar. */
export function cancelEvent(id: number): Promise<EventView> {
  return apiRequest(`/api/events/${id}/cancel`, eventSchema, { method: 'POST' });
}

export function useCancelEvent() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: cancelEvent, onSuccess: (event) => refresh(event) });
}
