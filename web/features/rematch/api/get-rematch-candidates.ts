import { useQuery } from '@tanstack/react-query';
import { rematchCandidatesSchema } from '../../../../src/shared/api/rematch.ts';
import type { CandidateList, RematchCandidate, RematchCandidates } from '../../../../src/shared/api/rematch.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { rematchKeys } from './rematch-keys.ts';

export type { CandidateList, RematchCandidate, RematchCandidates };

/** The engine's offers for the person who asked and for the partner left behind, best first. */
export function useRematchCandidates(requestId: number) {
  return useQuery({
    queryKey: rematchKeys.candidates(requestId),
    queryFn: () => apiRequest(`/api/rematch-requests/${requestId}/candidates`, rematchCandidatesSchema),
    // Places fill up as staff act: always ask again when the panel opens.
    staleTime: 0,
  });
}

/** The same for a match staff are about to end: `requester` is the mentee, `partner` the mentor. */
export function useEndMatchCandidates(matchId: number) {
  return useQuery({
    queryKey: rematchKeys.endCandidates(matchId),
    queryFn: () => apiRequest(`/api/matches/${matchId}/end-candidates`, rematchCandidatesSchema),
    staleTime: 0,
  });
}
