import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reminderSchema } from '../../../../src/shared/api/reminders.ts';
import type { Reminder } from '../../../../src/shared/api/reminders.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { remindersKey } from './get-reminders.ts';

export function cancelReminder(id: number): Promise<Reminder> {
  return apiRequest(`/api/reminders/${id}/cancel`, reminderSchema, { method: 'POST' });
}

export function useCancelReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelReminder,
    // Refreshed on failure too: a 409 means the list is out of date (it was sent meanwhile).
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: remindersKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
