import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createInvitationBodySchema, invitationSchema } from '../../../../src/shared/api/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const createInvitationInputSchema = createInvitationBodySchema;
export type CreateInvitationInput = z.output<typeof createInvitationBodySchema>;

export function createInvitation(input: CreateInvitationInput) {
  return apiRequest('/api/invitations', invitationSchema, { method: 'POST', body: input });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
      // The invitation e-mail lands in the outbox.
      void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
