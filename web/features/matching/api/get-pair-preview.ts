import { queryOptions, useQuery } from '@tanstack/react-query';
import { pairPreviewSchema } from '../../../../src/shared/api/matching.ts';
import type { PairPreview } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { PairPreview };

export function getPairPreview(runId: number, menteeApplicationId: number, mentorApplicationId: number): Promise<PairPreview> {
  const query = new URLSearchParams({ menteeApplicationId: String(menteeApplicationId), mentorApplicationId: String(mentorApplicationId) });
  return apiRequest(`/api/matching-runs/${runId}/pair-preview?${query.toString()}`, pairPreviewSchema);
}

export function pairPreviewQueryOptions(runId: number, menteeApplicationId: number, mentorApplicationId: number | null) {
  return queryOptions({
    queryKey: queryKeys.pairPreview(runId, menteeApplicationId, mentorApplicationId ?? 0),
    queryFn: () => getPairPreview(runId, menteeApplicationId, mentorApplicationId ?? 0),
    enabled: mentorApplicationId !== null,
  });
}

/** Score, explanation and warnings for a pair the committee is thinking of making by hand. */
export function usePairPreview(runId: number, menteeApplicationId: number, mentorApplicationId: number | null) {
  return useQuery(pairPreviewQueryOptions(runId, menteeApplicationId, mentorApplicationId));
}
