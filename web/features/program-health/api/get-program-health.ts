import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { programHealthSchema } from '../../../../src/shared/api/program-health.ts';
import type { HealthMatch, ProgramHealth, RiskReason } from '../../../../src/shared/api/program-health.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { HealthMatch, ProgramHealth, RiskReason };

/** Every period's health query starts with this, so an action can refresh them all. */
export const programHealthAllKey = ['program-health'] as const;
export const programHealthKey = (periodId: number) => [...programHealthAllKey, periodId] as const;

export function getProgramHealth(periodId: number): Promise<ProgramHealth> {
  return apiRequest(`/api/periods/${periodId}/health`, programHealthSchema);
}

export function programHealthQueryOptions(periodId: number) {
  return queryOptions({ queryKey: programHealthKey(periodId), queryFn: () => getProgramHealth(periodId) });
}

/** A period's health; the previous period's stays on screen while another one loads. */
export function useProgramHealth(periodId: number | null) {
  return useQuery({ ...programHealthQueryOptions(periodId ?? 0), enabled: periodId !== null, placeholderData: keepPreviousData });
}
