import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { programGoalListSchema, updateGoalBodySchema } from '../../../../src/shared/api/settings.ts';
import type { ProgramGoal } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const updateProgramGoalInputSchema = updateGoalBodySchema;
export type UpdateProgramGoalInput = { id: number; changes: z.output<typeof updateGoalBodySchema> };

/** The server answers with the whole list, in order. */
export async function updateProgramGoal({ id, changes }: UpdateProgramGoalInput): Promise<ProgramGoal[]> {
  const data = await apiRequest(`/api/program-goals/${id}`, programGoalListSchema, { method: 'PATCH', body: changes });
  return [...data.goals].sort((a, b) => a.position - b.position);
}

/** Edits a goal's wording, or retires / restores it. Goals are never deleted. */
export function useUpdateProgramGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProgramGoal,
    onSuccess: (goals) => {
      queryClient.setQueryData(queryKeys.programGoals, goals);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
