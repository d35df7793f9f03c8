import { useMutation, useQueryClient } from '@tanstack/react-query';
import { liaisonAssignmentSchema } from '../../../../src/shared/api/liaisons.ts';
import type { LiaisonAssignment } from '../../../../src/shared/api/liaisons.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { liaisonsKey } from './get-period-liaisons.ts';

export function assignLiaison(input: { matchId: number; liaisonUserId: number | null }): Promise<LiaisonAssignment> {
  return apiRequest(`/api/matches/${input.matchId}/liaison`, liaisonAssignmentSchema, {
    method: 'PUT',
    body: { liaisonUserId: input.liaisonUserId },
  });
}

/** One match's liaison; refreshed on failure too (a 409 means the page was out of date). */
export function useAssignLiaison() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignLiaison,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: liaisonsKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
