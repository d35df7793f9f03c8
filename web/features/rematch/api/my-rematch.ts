import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { matchRematchStateSchema, myRematchOverviewSchema, myRematchRequestSchema } from '../../../../src/shared/api/rematch.ts';
import type { MatchRematchState, MyRematchOverview, MyRematchRequest, RequestRematchBody } from '../../../../src/shared/api/rematch.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { MatchRematchState, MyRematchOverview, MyRematchRequest };

export const myRematchKeys = {
  all: ['my-rematch'] as const,
  match: (matchId: number) => ['my-rematch', 'match', matchId] as const,
  overview: () => ['my-rematch', 'overview'] as const,
};

/** The guarantee on one of my matches: may I ask, until when, my own request. */
export function matchRematchQueryOptions(matchId: number) {
  return queryOptions({
    queryKey: myRematchKeys.match(matchId),
    queryFn: () => apiRequest(`/api/matches/${matchId}/rematch`, matchRematchStateSchema),
  });
}

export function useMatchRematch(matchId: number, enabled = true) {
  return useQuery({ ...matchRematchQueryOptions(matchId), enabled });
}

/** My requests and, after "reapply next period", the period I am carried into. */
export function useMyRematchOverview() {
  return useQuery({
    queryKey: myRematchKeys.overview(),
    queryFn: () => apiRequest('/api/my/rematch', myRematchOverviewSchema),
    staleTime: 30_000,
  });
}

export function useAskForNewPartner(matchId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestRematchBody) =>
      apiRequest(`/api/matches/${matchId}/rematch-requests`, myRematchRequestSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myRematchKeys.all }),
  });
}

export function useWithdrawRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: number) =>
      apiRequest(`/api/rematch-requests/${requestId}/withdraw`, myRematchRequestSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myRematchKeys.all }),
  });
}
