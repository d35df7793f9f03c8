import { queryOptions, useQuery } from '@tanstack/react-query';
import { settingsSchema } from '../../../../src/shared/api/settings.ts';
import type { EligibilityQuestion, Settings } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { EligibilityQuestion };

export function getSettings(): Promise<Settings> {
  return apiRequest('/api/settings', settingsSchema);
}

/** The program's eligibility questions, to show each answer next to its question. */
export function useEligibilityQuestions() {
  return useQuery({
    ...queryOptions({ queryKey: queryKeys.settings, queryFn: getSettings, staleTime: 60_000 }),
    select: (s: Settings) => s.eligibilityQuestions,
  });
}
