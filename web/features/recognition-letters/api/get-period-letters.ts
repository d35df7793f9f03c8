import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodLettersSchema } from '../../../../src/shared/api/recognition-letters.ts';
import type { PeriodLetters } from '../../../../src/shared/api/recognition-letters.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { letterKeys } from './letter-keys.ts';

export type { PeriodLetters };

/** Staff: the period's mentors who have a letter, and whether each was e-mailed. */
export function getPeriodLetters(periodId: number): Promise<PeriodLetters> {
  return apiRequest(`/api/periods/${periodId}/recognition-letters`, periodLettersSchema);
}

export function periodLettersQueryOptions(periodId: number) {
  return queryOptions({ queryKey: letterKeys.period(periodId), queryFn: () => getPeriodLetters(periodId) });
}

export function usePeriodLetters(periodId: number) {
  return useQuery(periodLettersQueryOptions(periodId));
}
