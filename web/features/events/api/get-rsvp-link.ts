import { queryOptions, useQuery } from '@tanstack/react-query';
import { rsvpLinkViewSchema } from '../../../../src/shared/api/events.ts';
import type { RsvpLinkView } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

export type { RsvpLinkView };

/** What an invitation's answer link shows. Public: the token names the person and the event. */
export function getRsvpLink(token: string): Promise<RsvpLinkView> {
  return apiRequest(`/api/rsvp/${encodeURIComponent(token)}`, rsvpLinkViewSchema);
}

export function rsvpLinkQueryOptions(token: string) {
  return queryOptions({ queryKey: eventKeys.rsvpLink(token), queryFn: () => getRsvpLink(token), retry: false });
}

export function useRsvpLink(token: string) {
  return useQuery(rsvpLinkQueryOptions(token));
}
