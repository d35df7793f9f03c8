import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { matchingRunSchema, reassignBodySchema } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const reassignInputSchema = reassignBodySchema;

export type ReassignInput = { runId: number; body: z.input<typeof reassignBodySchema> };

export function reassign({ runId, body }: ReassignInput) {
  return apiRequest(`/api/matching-runs/${runId}/reassign`, matchingRunSchema, { method: 'POST', body });
}

/** Moves a mentee to another mentor (or out of the proposal) by hand. */
export function useReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassign,
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.matchingRun(run.id), run);
      void queryClient.invalidateQueries({ queryKey: queryKeys.matchingWorkspace(run.periodId) });
      void queryClient.removeQueries({ queryKey: ['matching', 'preview', run.id] });
    },
  });
}
