import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodSchema } from '../../../../src/shared/api/periods.ts';
import type { Period } from '../../../../src/shared/api/periods.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getPeriod(id: number): Promise<Period> {
  return apiRequest(`/api/periods/${id}`, periodSchema);
}

export function periodQueryOptions(id: number) {
  return queryOptions({ queryKey: queryKeys.period(id), queryFn: () => getPeriod(id) });
}

export function usePeriod(id: number) {
  return useQuery(periodQueryOptions(id));
}
