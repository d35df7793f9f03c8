import { queryOptions, useQuery } from '@tanstack/react-query';
import { contactLogSchema } from '../../../../src/shared/api/activities.ts';
import type { Contact, ContactLog } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { activityKeys } from './activity-keys.ts';

export type { Contact, ContactLog };

export function getContactLog(matchId: number): Promise<ContactLog> {
  return apiRequest(`/api/matches/${matchId}/contacts`, contactLogSchema);
}

export function contactLogQueryOptions(matchId: number) {
  return queryOptions({ queryKey: activityKeys.contactLog(matchId), queryFn: () => getContactLog(matchId) });
}

/** A match's contacts, newest first, with the summary the match page shows. */
export function useContactLog(matchId: number) {
  return useQuery(contactLogQueryOptions(matchId));
}
