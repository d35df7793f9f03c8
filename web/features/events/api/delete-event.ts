import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';
import { useRefreshEvents } from './refresh-events.ts';

/** Deletes a draft (a published event is cancelled instead, so people are told). */
export async function deleteEvent(id: number): Promise<void> {
  await apiRequest(`/api/events/${id}`, okSchema, { method: 'DELETE' });
}

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: deleteEvent,
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: eventKeys.one(id) });
      refresh();
    },
  });
}
