import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { applicationSchema, applyBodySchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const applyInputSchema = applyBodySchema;

export type ApplyInput = z.input<typeof applyBodySchema>;

export function apply(input: ApplyInput) {
  return apiRequest('/api/applications', applicationSchema, { method: 'POST', body: input });
}

/** A signed-in person applies; the mentor or mentee role comes only once the application is accepted. */
export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apply,
    onSuccess: (application) => {
      queryClient.setQueryData(queryKeys.application(application.id), application);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApplications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
