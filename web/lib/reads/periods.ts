import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodListSchema, periodSchema } from '../../../src/shared/api/periods.ts';
import type { Period } from '../../../src/shared/api/periods.ts';
import { apiRequest } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

export type { Period };

export async function getPeriods(): Promise<Period[]> {
  return (await apiRequest('/api/periods', periodListSchema)).periods;
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

/** One period, for the headings of the pages about it. */
export function usePeriod(id: number) {
  return useQuery(queryOptions({ queryKey: queryKeys.period(id), queryFn: () => getPeriod(id), enabled: id > 0 }));
}
