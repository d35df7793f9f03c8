import { queryOptions, useQuery } from '@tanstack/react-query';
import { matchWorkspaceSchema } from '../../../../src/shared/api/workspace.ts';
import type { MatchWorkspace, WorkspacePerson } from '../../../../src/shared/api/workspace.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { MatchWorkspace, WorkspacePerson };

/**
 * The workspace's query key. Other parts of the match page (a saved goal sheet, a logged
 * contact) refresh it by invalidating ['match-workspace'] or this key.
 */
export const matchWorkspaceKey = (matchId: number) => ['match-workspace', matchId] as const;

export function getMatchWorkspace(matchId: number): Promise<MatchWorkspace> {
  return apiRequest(`/api/matches/${matchId}/workspace`, matchWorkspaceSchema);
}

export function matchWorkspaceQueryOptions(matchId: number) {
  return queryOptions({ queryKey: matchWorkspaceKey(matchId), queryFn: () => getMatchWorkspace(matchId) });
}

/** One match's workspace: the partner, the dates that matter, keeping in touch, resources. */
export function useMatchWorkspace(matchId: number) {
  return useQuery({ ...matchWorkspaceQueryOptions(matchId), enabled: Number.isInteger(matchId) && matchId > 0 });
}
