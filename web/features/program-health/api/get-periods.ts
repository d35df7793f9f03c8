import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodListSchema } from '../../../../src/shared/api/periods.ts';
import type { Period } from '../../../../src/shared/api/periods.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { Period };

export async function getPeriods(): Promise<Period[]> {
  const data = await apiRequest('/api/periods', periodListSchema);
  return data.periods;
}

/** The program's periods, shared in the cache with every other page that lists them. */
export function periodsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.periods, queryFn: getPeriods });
}

export function usePeriods() {
  return useQuery(periodsQueryOptions());
}
