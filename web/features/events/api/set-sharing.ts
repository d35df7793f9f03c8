import { useMutation } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

/** Whether people of later periods find the recording and slides in the archive too. */
export function setSharing(input: { eventId: number; openToLaterCohorts: boolean }): Promise<EventView> {
  return apiRequest(`/api/events/${input.eventId}/sharing`, eventSchema, {
    method: 'PUT',
    body: { openToLaterCohorts: input.openToLaterCohorts },
  });
}

export function useSetSharing() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: setSharing, onSuccess: (event) => refresh(event) });
}
