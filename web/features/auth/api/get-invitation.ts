import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { invitationPreviewSchema } from '../../../../src/shared/api/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** What an invitation link offers: who it is for and which roles it grants. Public. */
export function getInvitation(token: string): Promise<InvitationPreview> {
  return apiRequest(`/api/invitations/${encodeURIComponent(token)}`, invitationPreviewSchema);
}

export function invitationQueryOptions(token: string) {
  return queryOptions({ queryKey: queryKeys.invitationPreview(token), queryFn: () => getInvitation(token), retry: false });
}

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}
