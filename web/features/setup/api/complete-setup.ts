import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { meResponseSchema, setupBodySchema } from '../../../../src/shared/api/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetCsrfToken } from '../../../lib/csrf-token.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { SetupStatus } from './get-setup-status.ts';

export const completeSetupInputSchema = setupBodySchema;
export type CompleteSetupInput = z.output<typeof setupBodySchema>;

export function completeSetup(input: CompleteSetupInput) {
  return apiRequest('/api/setup', meResponseSchema, { method: 'POST', body: input });
}

/** Creates the program and its first staff account, and signs that person in. */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: (data, input) => {
      forgetCsrfToken();
      queryClient.setQueryData<SetupStatus>(queryKeys.setupStatus, { needsSetup: false, programName: input.programName });
      queryClient.setQueryData(queryKeys.me, data.user);
    },
  });
}
