import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { reminderListSchema } from '../../../../src/shared/api/reminders.ts';
import type { ReminderFilter, ReminderList } from '../../../../src/shared/api/reminders.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Every reminders query starts with this, so a cancel can refresh all of them. */
export const remindersKey = ['reminders'] as const;

export function getReminders(status: ReminderFilter): Promise<ReminderList> {
  return apiRequest(`/api/reminders?${new URLSearchParams({ status }).toString()}`, reminderListSchema);
}

export function remindersQueryOptions(status: ReminderFilter) {
  return queryOptions({ queryKey: [...remindersKey, status], queryFn: () => getReminders(status) });
}

/** Keeps showing the previous list while another one loads, so the table doesn't jump. */
export function useReminders(status: ReminderFilter) {
  return useQuery({ ...remindersQueryOptions(status), placeholderData: keepPreviousData });
}
