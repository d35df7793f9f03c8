import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { applicationListSchema } from '../../../../src/shared/api/applications.ts';
import type { ApplicationSort } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type ApplicationList = z.output<typeof applicationListSchema>;
export const APPLICATION_FILTER_KEYS = ['role', 'status', 'workplaceType', 'region', 'goal', 'q'] as const;
export type ApplicationFilterKey = (typeof APPLICATION_FILTER_KEYS)[number];
/** The list's filters as they stand in the page's address (strings; the server parses them). */
export type ApplicationFilters = Partial<Record<ApplicationFilterKey, string>>;

export const APPLICATIONS_PAGE_SIZE = 50;

/** Only the filters that are set, so the cache key and the URL stay tidy. */
export function cleanFilters(filters: ApplicationFilters): ApplicationFilters {
  const out: ApplicationFilters = {};
  for (const key of APPLICATION_FILTER_KEYS) {
    const v = filters[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

/** One page of a period's applications; `after` is the previous page's `nextCursor`. */
export function getPeriodApplications(
  periodId: number,
  filters: ApplicationFilters,
  sort: ApplicationSort,
  after?: string,
  limit = APPLICATIONS_PAGE_SIZE,
): Promise<ApplicationList> {
  const params = new URLSearchParams({ ...cleanFilters(filters), sort, limit: String(limit) });
  if (after) params.set('after', after);
  return apiRequest(`/api/periods/${periodId}/applications?${params.toString()}`, applicationListSchema);
}

export function periodApplicationsQueryOptions(periodId: number, filters: ApplicationFilters, sort: ApplicationSort) {
  const clean = cleanFilters(filters);
  return infiniteQueryOptions({
    queryKey: [...queryKeys.periodApplications(periodId, clean), sort],
    queryFn: ({ pageParam }) => getPeriodApplications(periodId, clean, sort, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Keep the last table on screen while a new filter loads.
    placeholderData: keepPreviousData,
  });
}

/** A period's applications, filtered and sorted, a page at a time ("Load more" fetches the next), with counts. */
export function usePeriodApplications(periodId: number, filters: ApplicationFilters, sort: ApplicationSort) {
  return useInfiniteQuery(periodApplicationsQueryOptions(periodId, filters, sort));
}
