import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function deletePairRule(id: number) {
  return apiRequest(`/api/pair-rules/${id}`, okSchema, { method: 'DELETE' });
}

/** Removes a lock or a forbid. */
export function useDeletePairRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePairRule,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.matching }),
  });
}
