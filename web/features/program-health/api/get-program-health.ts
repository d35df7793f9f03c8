import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { HEALTH_LIST_MAX, HEALTH_PAGE, programHealthSchema } from '../../../../src/shared/api/program-health.ts';
import type { HealthMatch, ProgramHealth, RiskReason } from '../../../../src/shared/api/program-health.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { HealthMatch, ProgramHealth, RiskReason };
export { HEALTH_LIST_MAX, HEALTH_PAGE };

/** Every period's health query starts with this, so an action can refresh them all. */
export const programHealthAllKey = ['program-health'] as const;
export const programHealthKey = (periodId: number, limit: number) => [...programHealthAllKey, periodId, limit] as const;

/** A period's health, listing the `limit` matches most at risk. */
export function getProgramHealth(periodId: number, limit: number): Promise<ProgramHealth> {
  const query = limit === HEALTH_PAGE ? '' : `?limit=${limit}`;
  return apiRequest(`/api/periods/${periodId}/health${query}`, programHealthSchema);
}

export function programHealthQueryOptions(periodId: number, limit: number) {
  return queryOptions({ queryKey: programHealthKey(periodId, limit), queryFn: () => getProgramHealth(periodId, limit) });
}

/**
 * A period's health; what is on screen stays there while another period, or a longer list,
 * loads.
 */
export function useProgramHealth(periodId: number | null, limit: number) {
  return useQuery({ ...programHealthQueryOptions(periodId ?? 0, limit), enabled: periodId !== null, placeholderData: keepPreviousData });
}
