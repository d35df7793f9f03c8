import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { reminderListSchema } from '../../../../src/shared/api/reminders.ts';
import type { ReminderFilter, ReminderKind, ReminderList, ReminderSort } from '../../../../src/shared/api/reminders.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Every reminders query starts with this, so a cancel can refresh all of them. */
export const remindersKey = ['reminders'] as const;

/** What the reminders list shows, as it stands in the page's address. */
export interface ReminderFilters {
  status: ReminderFilter;
  kind?: ReminderKind | undefined;
  q?: string | undefined;
  sort?: ReminderSort | undefined;
}

export const REMINDERS_PAGE_SIZE = 50;

/** One page of reminders; `after` is the previous page's `nextCursor`. */
export function getReminders(filters: ReminderFilters, after?: string, limit = REMINDERS_PAGE_SIZE): Promise<ReminderList> {
  const params = new URLSearchParams({ status: filters.status, limit: String(limit) });
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.q) params.set('q', filters.q);
  if (filters.sort) params.set('sort', filters.sort);
  if (after) params.set('after', after);
  return apiRequest(`/api/reminders?${params.toString()}`, reminderListSchema);
}

export function remindersQueryOptions(filters: ReminderFilters) {
  return infiniteQueryOptions({
    queryKey: [...remindersKey, 'list', filters],
    queryFn: ({ pageParam }) => getReminders(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** A page at a time ("Load more" fetches the next); keeps the previous list while another loads, so the table doesn't jump. */
export function useReminders(filters: ReminderFilters) {
  return useInfiniteQuery({ ...remindersQueryOptions(filters), placeholderData: keepPreviousData });
}
