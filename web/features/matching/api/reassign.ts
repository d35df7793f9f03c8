import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { matchingRunSummarySchema, reassignBodySchema } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { runPairsKey } from './get-run-pairs.ts';

export const reassignInputSchema = reassignBodySchema;

export type ReassignInput = { runId: number; body: z.input<typeof reassignBodySchema> };

export function reassign({ runId, body }: ReassignInput) {
  // The answer leaves the pairs out: the page reads them a page at a time.
  return apiRequest(`/api/matching-runs/${runId}/reassign`, matchingRunSummarySchema, {
    method: 'POST',
    body: { ...body, view: 'summary' },
  });
}

/** Moves a mentee to another mentor (or out of the proposal) by hand. */
export function useReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassign,
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.matchingRun(run.id), run);
      void queryClient.invalidateQueries({ queryKey: runPairsKey(run.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.matchingWorkspace(run.periodId) });
      void queryClient.removeQueries({ queryKey: ['matching', 'preview', run.id] });
    },
  });
}
