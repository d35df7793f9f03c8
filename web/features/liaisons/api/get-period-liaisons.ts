import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { periodLiaisonsSchema } from '../../../../src/shared/api/liaisons.ts';
import type { LiaisonFilter, PeriodLiaisons } from '../../../../src/shared/api/liaisons.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { PeriodLiaisons };

/** What the list shows, as it stands in the page's address. */
export interface PeriodLiaisonFilters {
  q?: string | undefined;
  liaison?: LiaisonFilter | undefined;
  liaisonUserId?: number | undefined;
}

export const PERIOD_LIAISONS_PAGE_SIZE = 50;

/** Every liaison query starts with this, so an assignment refreshes all of them. */
export const liaisonsKey = ['liaisons'] as const;
export const periodLiaisonsKey = (periodId: number, filters: PeriodLiaisonFilters) =>
  [...liaisonsKey, 'period', periodId, filters] as const;

/** One page of a period's active matches; `after` is the previous page's `nextCursor`. */
export function getPeriodLiaisons(periodId: number, filters: PeriodLiaisonFilters, after?: string, limit = PERIOD_LIAISONS_PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  if (after) params.set('after', after);
  return apiRequest(`/api/periods/${periodId}/liaisons?${params.toString()}`, periodLiaisonsSchema);
}

export function periodLiaisonsQueryOptions(periodId: number, filters: PeriodLiaisonFilters) {
  return infiniteQueryOptions({
    queryKey: periodLiaisonsKey(periodId, filters),
    queryFn: ({ pageParam }) => getPeriodLiaisons(periodId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Staff: a period's active matches with their liaisons, a page at a time; the previous list stays while another loads. */
export function usePeriodLiaisons(periodId: number | null, filters: PeriodLiaisonFilters) {
  return useInfiniteQuery({
    ...periodLiaisonsQueryOptions(periodId ?? 0, filters),
    enabled: periodId !== null,
    placeholderData: keepPreviousData,
  });
}
