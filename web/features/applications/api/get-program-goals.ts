import { queryOptions, useQuery } from '@tanstack/react-query';
import { programGoalListSchema } from '../../../../src/shared/api/settings.ts';
import type { ProgramGoal } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { ProgramGoal };

export async function getProgramGoals(): Promise<ProgramGoal[]> {
  const data = await apiRequest('/api/program-goals', programGoalListSchema);
  return data.goals;
}

export function programGoalsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.programGoals, queryFn: getProgramGoals, staleTime: 60_000 });
}

/** All program goals, retired ones too, so old answers still have their titles. */
export function useProgramGoals() {
  return useQuery(programGoalsQueryOptions());
}
