import { useMutation } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetCsrfToken } from '../../../lib/csrf-token.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function signOut() {
  return apiRequest('/api/auth/logout', okSchema, { method: 'POST' });
}

/** Forgets everything this browser knew about the person who just left. */
export function clearSession(queryClient: QueryClient): void {
  forgetCsrfToken();
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.setupStatus[0] && q.queryKey[0] !== queryKeys.me[0] });
  queryClient.setQueryData(queryKeys.me, null);
}

/**
 * Ends the session on the server. The caller then calls clearSession and
 * navigates to the sign-in page.
 */
export function useSignOut() {
  return useMutation({ mutationFn: signOut, onSettled: () => forgetCsrfToken() });
}
