import { queryOptions, useQuery } from '@tanstack/react-query';
import { liaisonMatchesSchema } from '../../../../src/shared/api/program-health.ts';
import type { LiaisonMatch, LiaisonMatches } from '../../../../src/shared/api/program-health.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { liaisonsKey } from './get-period-liaisons.ts';

export type { LiaisonMatch, LiaisonMatches };

export function getMyLiaisonMatches(): Promise<LiaisonMatches> {
  return apiRequest('/api/my/liaison-matches', liaisonMatchesSchema);
}

export function myLiaisonMatchesQueryOptions() {
  return queryOptions({ queryKey: [...liaisonsKey, 'mine'] as const, queryFn: getMyLiaisonMatches });
}

/** A committee member's own pairs, with what needs attention. */
export function useMyLiaisonMatches() {
  return useQuery(myLiaisonMatchesQueryOptions());
}
