import { queryOptions, useQuery } from '@tanstack/react-query';
import { matchingRunSummarySchema } from '../../../../src/shared/api/matching.ts';
import type { MatchingRunSummary, RunResult as FullRunResult } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The page reads a run without its pairs; the pairs come a page at a time (get-run-pairs.ts). */
export type MatchingRun = MatchingRunSummary;
export type RunResult = NonNullable<MatchingRun['result']>;
export type RunPair = FullRunResult['pairs'][number];

export function getRun(id: number): Promise<MatchingRun> {
  return apiRequest(`/api/matching-runs/${id}?view=summary`, matchingRunSummarySchema);
}

export function runQueryOptions(id: number) {
  return queryOptions({
    queryKey: queryKeys.matchingRun(id),
    queryFn: () => getRun(id),
    enabled: id > 0,
    // Poll for progress while the run computes; stop once it has an answer.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
    refetchIntervalInBackground: false,
  });
}

/** A matching run: its progress, then its proposal's figures. */
export function useRun(id: number) {
  return useQuery(runQueryOptions(id));
}
