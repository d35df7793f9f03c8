import { useMutation } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import type { EventMediaKind } from '../../../../src/shared/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

/** Takes the recording or the slides off the event (an uploaded file is deleted). */
export function removeMedia(input: { eventId: number; kind: EventMediaKind }): Promise<EventView> {
  return apiRequest(`/api/events/${input.eventId}/media/${input.kind}`, eventSchema, { method: 'DELETE' });
}

export function useRemoveMedia() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: removeMedia, onSuccess: (event) => refresh(event) });
}
