import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodListSchema, periodSchema } from '../../../../src/shared/api/periods.ts';
import type { Period } from '../../../../src/shared/api/periods.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { Period };

export async function getPeriods(): Promise<Period[]> {
  const data = await apiRequest('/api/periods', periodListSchema);
  return data.periods;
}

export function periodsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.periods, queryFn: getPeriods });
}

/** Every period, newest first (any signed-in person may read them). */
export function usePeriods() {
  return useQuery(periodsQueryOptions());
}

export function getPeriod(id: number): Promise<Period> {
  return apiRequest(`/api/periods/${id}`, periodSchema);
}

/** One period, for the headings of the review pages. */
export function usePeriod(id: number) {
  return useQuery(queryOptions({ queryKey: queryKeys.period(id), queryFn: () => getPeriod(id), enabled: id > 0 }));
}
