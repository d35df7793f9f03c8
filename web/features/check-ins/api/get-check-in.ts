import { queryOptions, useQuery } from '@tanstack/react-query';
import { checkInViewSchema } from '../../../../src/shared/api/check-ins.ts';
import type { CheckInView } from '../../../../src/shared/api/check-ins.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { CheckInView };

export const checkInKey = (token: string) => ['check-in', token] as const;

/** What a check-in link offers. Public, and changes nothing: a link scanner that opens it answers nothing. */
export function getCheckIn(token: string): Promise<CheckInView> {
  return apiRequest(`/api/check-ins/${encodeURIComponent(token)}`, checkInViewSchema);
}

export function checkInQueryOptions(token: string) {
  return queryOptions({ queryKey: checkInKey(token), queryFn: () => getCheckIn(token), retry: false });
}

export function useCheckIn(token: string) {
  return useQuery(checkInQueryOptions(token));
}
