import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { periodLiaisonsSchema } from '../../../../src/shared/api/liaisons.ts';
import type { PeriodLiaisons } from '../../../../src/shared/api/liaisons.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { PeriodLiaisons };

/** Every liaison query starts with this, so an assignment refreshes all of them. */
export const liaisonsKey = ['liaisons'] as const;
export const periodLiaisonsKey = (periodId: number) => [...liaisonsKey, 'period', periodId] as const;

export function getPeriodLiaisons(periodId: number): Promise<PeriodLiaisons> {
  return apiRequest(`/api/periods/${periodId}/liaisons`, periodLiaisonsSchema);
}

export function periodLiaisonsQueryOptions(periodId: number) {
  return queryOptions({ queryKey: periodLiaisonsKey(periodId), queryFn: () => getPeriodLiaisons(periodId) });
}

/** Staff: a period's active matches with their liaisons; the previous period's stays while another loads. */
export function usePeriodLiaisons(periodId: number | null) {
  return useQuery({ ...periodLiaisonsQueryOptions(periodId ?? 0), enabled: periodId !== null, placeholderData: keepPreviousData });
}
