import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationSchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function withdrawApplication(id: number) {
  return apiRequest(`/api/applications/${id}/withdraw`, applicationSchema, { method: 'POST' });
}

/** Withdraws your application while applications are open. */
export function useWithdrawApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawApplication,
    onSuccess: (application) => {
      queryClient.setQueryData(queryKeys.application(application.id), application);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApplications });
      // Withdrawing an accepted application takes the mentor or mentee role away with it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
