import { queryOptions, useQuery } from '@tanstack/react-query';
import { myMatchListSchema } from '../../../../src/shared/api/matching.ts';
import type { MyMatch } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { MyMatch };

export async function getMyMatches(): Promise<MyMatch[]> {
  const data = await apiRequest('/api/my/matches', myMatchListSchema);
  return data.matches;
}

export function myMatchesQueryOptions() {
  return queryOptions({ queryKey: queryKeys.myMatches, queryFn: getMyMatches });
}

/** Your matches: who your partner is and how to reach them. */
export function useMyMatches() {
  return useQuery(myMatchesQueryOptions());
}
