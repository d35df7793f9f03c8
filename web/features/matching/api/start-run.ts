import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { matchingRunSchema, startRunBodySchema } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const startRunInputSchema = startRunBodySchema;

export type StartRunInput = { periodId: number; body: z.input<typeof startRunBodySchema> };

export function startRun({ periodId, body }: StartRunInput) {
  return apiRequest(`/api/periods/${periodId}/matching-runs`, matchingRunSchema, { method: 'POST', body });
}

/** Starts a run; the server answers at once and the run computes in the background. */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRun,
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.matchingRun(run.id), run);
      void queryClient.invalidateQueries({ queryKey: queryKeys.matchingWorkspace(run.periodId) });
    },
  });
}
