import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { periodMatchListSchema } from '../../../../src/shared/api/period-matches.ts';
import type { PeriodMatch, PeriodMatchLiaisonFilter, PeriodMatchList, PeriodMatchSort } from '../../../../src/shared/api/period-matches.ts';
import type { MatchStatus } from '../../../../src/shared/match-status.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { PeriodMatch, PeriodMatchList };

/** What the list shows, as it stands in the page's address. */
export interface PeriodMatchFilters {
  q?: string | undefined;
  status?: MatchStatus | undefined;
  mentorId?: number | undefined;
  liaison?: PeriodMatchLiaisonFilter | undefined;
  sort?: PeriodMatchSort | undefined;
}

export const PERIOD_MATCHES_PAGE_SIZE = 50;

/** One page of a period's matches; `after` is the previous page's `nextCursor`. */
export function getPeriodMatches(periodId: number, filters: PeriodMatchFilters, after?: string, limit = PERIOD_MATCHES_PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  if (after) params.set('after', after);
  return apiRequest(`/api/periods/${periodId}/matches?${params.toString()}`, periodMatchListSchema);
}

export function periodMatchesQueryOptions(periodId: number, filters: PeriodMatchFilters) {
  return infiniteQueryOptions({
    queryKey: ['period-matches', periodId, filters],
    queryFn: ({ pageParam }) => getPeriodMatches(periodId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** A page at a time ("Load more" fetches the next); the previous list stays while another loads. */
export function usePeriodMatches(periodId: number, filters: PeriodMatchFilters) {
  return useInfiniteQuery({ ...periodMatchesQueryOptions(periodId, filters), placeholderData: keepPreviousData });
}
