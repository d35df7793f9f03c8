import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationSchema } from '../../../../src/shared/api/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function revokeInvitation(id: number) {
  return apiRequest(`/api/invitations/${id}/revoke`, invitationSchema, { method: 'POST' });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
