import { queryOptions, useQuery } from '@tanstack/react-query';
import { programGoalListSchema } from '../../../../src/shared/api/settings.ts';
import type { ProgramGoal } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { ProgramGoal };

export async function getProgramGoals(): Promise<ProgramGoal[]> {
  const data = await apiRequest('/api/program-goals', programGoalListSchema);
  return [...data.goals].sort((a, b) => a.position - b.position);
}

export function programGoalsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.programGoals, queryFn: getProgramGoals, staleTime: 60_000 });
}

/** Every program goal in order, retired ones too, so an activity's old links keep their titles. */
export function useProgramGoals() {
  return useQuery(programGoalsQueryOptions());
}
