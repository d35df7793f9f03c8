import { queryOptions, useQuery } from '@tanstack/react-query';
import { invitationListSchema } from '../../../../src/shared/api/users.ts';
import type { Invitation } from '../../../../src/shared/api/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { Invitation };

export async function getInvitations(): Promise<Invitation[]> {
  const data = await apiRequest('/api/invitations', invitationListSchema);
  return data.invitations;
}

export function invitationsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.invitations, queryFn: getInvitations });
}

export function useInvitations() {
  return useQuery(invitationsQueryOptions());
}
