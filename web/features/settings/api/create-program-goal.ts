import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createGoalBodySchema, programGoalListSchema } from '../../../../src/shared/api/settings.ts';
import type { ProgramGoal } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const createProgramGoalInputSchema = createGoalBodySchema;
export type CreateProgramGoalInput = z.output<typeof createGoalBodySchema>;

/** Adds a goal at the end; the server answers with the whole list, in order. */
export async function createProgramGoal(input: CreateProgramGoalInput): Promise<ProgramGoal[]> {
  const data = await apiRequest('/api/program-goals', programGoalListSchema, { method: 'POST', body: input });
  return [...data.goals].sort((a, b) => a.position - b.position);
}

export function useCreateProgramGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgramGoal,
    onSuccess: (goals) => {
      queryClient.setQueryData(queryKeys.programGoals, goals);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
