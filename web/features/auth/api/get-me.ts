import { queryOptions, useQuery } from '@tanstack/react-query';
import { meResponseSchema } from '../../../../src/shared/api/auth.ts';
import type { Me } from '../../../../src/shared/api/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { Me };

/** The signed-in person, or null when nobody is signed in (the API answers 401). */
export async function getMe(): Promise<Me | null> {
  try {
    const data = await apiRequest('/api/me', meResponseSchema);
    return data.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000, retry: false });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
