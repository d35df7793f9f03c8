import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationSchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type SetCarryForwardInput = { id: number; carryForward: boolean };

export function setCarryForward({ id, carryForward }: SetCarryForwardInput) {
  return apiRequest(`/api/applications/${id}/carry-forward`, applicationSchema, { method: 'POST', body: { carryForward } });
}

/** Asks (or stops asking) for an application to be carried into the next period. */
export function useSetCarryForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCarryForward,
    onSuccess: (application) => {
      queryClient.setQueryData(queryKeys.application(application.id), application);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApplications });
    },
  });
}
