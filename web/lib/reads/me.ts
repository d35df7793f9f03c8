import { queryOptions, useQuery } from '@tanstack/react-query';
import { currentUserResponseSchema } from '../../../src/shared/api/auth.ts';
import type { Me } from '../../../src/shared/api/auth.ts';
import { apiRequest } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

export type { Me };

/** The signed-in person, or null when nobody is signed in (the API answers `{ user: null }`). */
export async function getMe(): Promise<Me | null> {
  return (await apiRequest('/api/me', currentUserResponseSchema)).user;
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000, retry: false });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Whether the person looking is staff, so pages can offer their editing tools. */
export function useIsStaff(): boolean {
  return useMe().data?.roles.includes('staff') ?? false;
}
