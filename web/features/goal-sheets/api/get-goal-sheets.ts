import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { goalSheetListSchema } from '../../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetFilter, GoalSheetList, GoalSheetListRow, GoalSheetSort } from '../../../../src/shared/api/goal-sheets.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { goalSheetKeys } from './goal-sheet-keys.ts';

export type { GoalSheetList, GoalSheetListRow };

/** What the staff list shows, as it stands in the page's address. */
export interface GoalSheetFilters {
  periodId?: number | undefined;
  status?: GoalSheetFilter | undefined;
  q?: string | undefined;
  sort?: GoalSheetSort | undefined;
}

export const GOAL_SHEETS_PAGE_SIZE = 50;

/** One page of the list; `after` is the previous page's `nextCursor`. */
export function getGoalSheets(filters: GoalSheetFilters, after?: string, limit = GOAL_SHEETS_PAGE_SIZE): Promise<GoalSheetList> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filters.periodId) query.set('periodId', String(filters.periodId));
  if (filters.status) query.set('status', filters.status);
  if (filters.q) query.set('q', filters.q);
  if (filters.sort) query.set('sort', filters.sort);
  if (after) query.set('after', after);
  return apiRequest(`/api/goal-sheets?${query.toString()}`, goalSheetListSchema);
}

/** Staff: a period's matches and where each goal sheet stands, a page at a time ("Load more" fetches the next). */
export function useGoalSheets(filters: GoalSheetFilters) {
  return useInfiniteQuery({
    ...infiniteQueryOptions({
      queryKey: goalSheetKeys.list(filters),
      queryFn: ({ pageParam }) => getGoalSheets(filters, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
    placeholderData: keepPreviousData,
  });
}
