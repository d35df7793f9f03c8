import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { loginBodySchema, meResponseSchema } from '../../../../src/shared/api/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetCsrfToken } from '../../../lib/csrf-token.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const signInInputSchema = loginBodySchema;
export type SignInInput = z.output<typeof loginBodySchema>;

export function signIn(input: SignInInput) {
  return apiRequest('/api/auth/login', meResponseSchema, { method: 'POST', body: input });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (data) => {
      // A new session gets a new CSRF token; drop anything cached for someone else.
      forgetCsrfToken();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.setupStatus[0] });
      queryClient.setQueryData(queryKeys.me, data.user);
    },
  });
}
