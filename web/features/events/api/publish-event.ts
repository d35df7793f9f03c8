import { useMutation } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

/** Publishes a draft: everyone in its audience gets an invitation by e-mail, with a calendar file. */
export function publishEvent(id: number): Promise<EventView> {
  return apiRequest(`/api/events/${id}/publish`, eventSchema, { method: 'POST' });
}

export function usePublishEvent() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: publishEvent, onSuccess: (event) => refresh(event) });
}
