import { useMutation, useQueryClient } from '@tanstack/react-query';
import { approveResultSchema } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function approveRun(runId: number) {
  return apiRequest(`/api/matching-runs/${runId}/approve`, approveResultSchema, { method: 'POST' });
}

/** Approves a proposal: creates the matches and e-mails everyone. */
export function useApproveRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveRun,
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.period(result.period.id), result.period);
      void queryClient.invalidateQueries({ queryKey: queryKeys.matching });
      void queryClient.invalidateQueries({ queryKey: queryKeys.periods, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      // Those left unmatched no longer hold the mentor or mentee role.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}
