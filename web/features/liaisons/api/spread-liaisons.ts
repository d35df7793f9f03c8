import { useMutation, useQueryClient } from '@tanstack/react-query';
import { spreadResultSchema } from '../../../../src/shared/api/liaisons.ts';
import type { SpreadLiaisonsBody, SpreadResult } from '../../../../src/shared/api/liaisons.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { liaisonsKey } from './get-period-liaisons.ts';

export type { SpreadResult };

export function spreadLiaisons(input: SpreadLiaisonsBody & { periodId: number }): Promise<SpreadResult> {
  const { periodId, ...body } = input;
  return apiRequest(`/api/periods/${periodId}/liaisons/spread`, spreadResultSchema, { method: 'POST', body });
}

export function useSpreadLiaisons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: spreadLiaisons,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: liaisonsKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
