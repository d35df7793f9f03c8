import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { acceptInvitationBodySchema, meResponseSchema } from '../../../../src/shared/api/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetCsrfToken } from '../../../lib/csrf-token.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const acceptInvitationInputSchema = acceptInvitationBodySchema;
export type AcceptInvitationInput = z.output<typeof acceptInvitationBodySchema> & { token: string };

export function acceptInvitation({ token, ...body }: AcceptInvitationInput) {
  return apiRequest(`/api/invitations/${encodeURIComponent(token)}/accept`, meResponseSchema, {
    method: 'POST',
    body,
  });
}

/** Creates the account from an invitation; the server signs the new person in. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (data) => {
      forgetCsrfToken();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.setupStatus[0] });
      queryClient.setQueryData(queryKeys.me, data.user);
    },
  });
}
