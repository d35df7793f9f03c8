import { queryOptions, useQuery } from '@tanstack/react-query';
import { meResponseSchema } from '../../../../src/shared/api/auth.ts';
import type { Me } from '../../../../src/shared/api/auth.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * Who is looking (null when nobody is signed in), so staff get their editing tools. Shares the
 * app's `me` query key, so the answer the layout already fetched is reused.
 */
export async function getMe(): Promise<Me | null> {
  try {
    return (await apiRequest('/api/me', meResponseSchema)).user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000, retry: false });
}

export function useIsStaff(): boolean {
  const { data } = useQuery(meQueryOptions());
  return data?.roles.includes('staff') ?? false;
}
