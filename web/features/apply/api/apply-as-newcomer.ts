import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { publicApplyBodySchema, publicApplyResponseSchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetCsrfToken } from '../../../lib/csrf-token.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const applyAsNewcomerInputSchema = publicApplyBodySchema;

export type ApplyAsNewcomerInput = z.input<typeof publicApplyBodySchema>;

export function applyAsNewcomer(input: ApplyAsNewcomerInput) {
  return apiRequest('/api/apply', publicApplyResponseSchema, { method: 'POST', body: input });
}

/** Creates the account and the application in one step; the server signs the new person in. */
export function useApplyAsNewcomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyAsNewcomer,
    onSuccess: (data) => {
      // A new session gets a new CSRF token; drop anything cached for whoever was here before.
      forgetCsrfToken();
      queryClient.removeQueries({
        predicate: (q) => q.queryKey[0] !== queryKeys.setupStatus[0] && q.queryKey[0] !== queryKeys.applyForm[0],
      });
      queryClient.setQueryData(queryKeys.me, data.user);
    },
  });
}
