import { useQuery } from '@tanstack/react-query';
import { matchHistorySchema } from '../../../../src/shared/api/rematch.ts';
import type { MatchHistory } from '../../../../src/shared/api/rematch.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { rematchKeys } from './rematch-keys.ts';

export type { MatchHistory };

/** A match's history, oldest first: made, requests, re-matched, ended, check-ins. */
export function useMatchHistory(matchId: number, enabled = true) {
  return useQuery({
    queryKey: rematchKeys.history(matchId),
    queryFn: () => apiRequest(`/api/matches/${matchId}/history`, matchHistorySchema),
    enabled,
  });
}
