import { useMutation, useQueryClient } from '@tanstack/react-query';
import { matchChangeResultSchema } from '../../../../src/shared/api/rematch.ts';
import type { EndMatchBody, MatchChangeResult, NextStep, ResolveRematchBody } from '../../../../src/shared/api/rematch.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { myRematchKeys } from './my-rematch.ts';
import { rematchKeys } from './rematch-keys.ts';

export type { EndMatchBody, MatchChangeResult, NextStep, ResolveRematchBody };

export function resolveRematchRequest(input: { requestId: number; body: ResolveRematchBody }): Promise<MatchChangeResult> {
  return apiRequest(`/api/rematch-requests/${input.requestId}/resolve`, matchChangeResultSchema, { method: 'POST', body: input.body });
}

export function endMatch(input: { matchId: number; body: EndMatchBody }): Promise<MatchChangeResult> {
  return apiRequest(`/api/matches/${input.matchId}/end`, matchChangeResultSchema, { method: 'POST', body: input.body });
}

/**
 * Ending or keeping a match changes what many pages show: the queue and the candidates, the match
 * pages (their workspace key, see my-match), program health, applications, people's own matches,
 * the audit log. Refresh them all, whether the change went through or was refused (a 409 means
 * someone else changed things first).
 */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  const keys = [
    rematchKeys.all,
    myRematchKeys.all,
    ['match-workspace'],
    ['program-health'],
    queryKeys.applications,
    queryKeys.myMatches,
    queryKeys.audit,
  ];
  // Not awaited: the caller's own callbacks run first, before the refreshed queue unmounts the
  // card that made the change (a mutation's per-call callbacks are dropped once it unmounts).
  return () => {
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
}

/** Staff (or the committee, when the settings allow) act on a request: keep the match, or end it with each person's next step. */
export function useResolveRematchRequest() {
  return useMutation({ mutationFn: resolveRematchRequest, onSettled: useRefreshAfterChange() });
}

/** Staff end a match at any time, each person taken to their next step. */
export function useEndMatch() {
  return useMutation({ mutationFn: endMatch, onSettled: useRefreshAfterChange() });
}
