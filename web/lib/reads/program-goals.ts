import { queryOptions, useQuery } from '@tanstack/react-query';
import { programGoalListSchema } from '../../../src/shared/api/settings.ts';
import type { ProgramGoal } from '../../../src/shared/api/settings.ts';
import { apiRequest } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

export type { ProgramGoal };

/** Every program goal in the program's order, retired ones too, so old links and answers keep their titles. */
export async function getProgramGoals(): Promise<ProgramGoal[]> {
  const data = await apiRequest('/api/program-goals', programGoalListSchema);
  return [...data.goals].sort((a, b) => a.position - b.position);
}

export function programGoalsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.programGoals, queryFn: getProgramGoals, staleTime: 60_000 });
}

export function useProgramGoals() {
  return useQuery(programGoalsQueryOptions());
}
