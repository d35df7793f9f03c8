import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { runPairsPageSchema } from '../../../../src/shared/api/matching.ts';
import type { RunPairSort, RunPairsPage } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { RunPairSort, RunPairsPage };

/** What the pairs table shows: its order, search and filters, as they stand in the page's address. */
export interface PairFilters {
  sort?: RunPairSort | undefined;
  q?: string | undefined;
  warnings?: boolean | undefined;
  locked?: boolean | undefined;
  mentor?: number | undefined;
}

export const PAIRS_PAGE_SIZE = 25;

/** Every pairs query of a run: a change to the run's proposal refreshes them all. */
export const runPairsKey = (runId: number) => [...queryKeys.matchingRun(runId), 'pairs'] as const;

/** One page of a run's pairs; `after` is the previous page's `nextCursor`. */
export function getRunPairs(runId: number, filters: PairFilters, after?: string, limit = PAIRS_PAGE_SIZE): Promise<RunPairsPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.q) params.set('q', filters.q);
  if (filters.warnings) params.set('warnings', 'true');
  if (filters.locked) params.set('locked', 'true');
  if (filters.mentor) params.set('mentor', String(filters.mentor));
  if (after) params.set('after', after);
  return apiRequest(`/api/matching-runs/${runId}/pairs?${params.toString()}`, runPairsPageSchema);
}

export function runPairsQueryOptions(runId: number, filters: PairFilters, enabled: boolean) {
  return infiniteQueryOptions({
    queryKey: [...runPairsKey(runId), filters],
    queryFn: ({ pageParam }) => getRunPairs(runId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled: enabled && runId > 0,
  });
}

/** A run's pairs, a page at a time ("Show more pairs" fetches the next). */
export function useRunPairs(runId: number, filters: PairFilters, enabled: boolean) {
  return useInfiniteQuery(runPairsQueryOptions(runId, filters, enabled));
}
