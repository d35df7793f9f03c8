import { useMutation, useQueryClient } from '@tanstack/react-query';
import { programGoalListSchema } from '../../../../src/shared/api/settings.ts';
import type { ProgramGoal } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Sends every goal id in the new order; the server answers with the reordered list. */
export async function reorderProgramGoals(ids: number[]): Promise<ProgramGoal[]> {
  const data = await apiRequest('/api/program-goals/reorder', programGoalListSchema, { method: 'POST', body: { ids } });
  return [...data.goals].sort((a, b) => a.position - b.position);
}

export function useReorderProgramGoals() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderProgramGoals,
    onSuccess: (goals) => {
      queryClient.setQueryData(queryKeys.programGoals, goals);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
