import { queryOptions, useQuery } from '@tanstack/react-query';
import { settingsSchema } from '../../../src/shared/api/settings.ts';
import type { EligibilityQuestion, Settings } from '../../../src/shared/api/settings.ts';
import { apiRequest } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

export type { EligibilityQuestion, Settings };

export function getSettings(): Promise<Settings> {
  return apiRequest('/api/settings', settingsSchema);
}

export function settingsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.settings, queryFn: getSettings, staleTime: 60_000 });
}

export function useSettings() {
  return useQuery(settingsQueryOptions());
}

/** The program's eligibility questions, to show each answer next to its question. */
export function useEligibilityQuestions() {
  return useQuery({ ...settingsQueryOptions(), select: (s: Settings) => s.eligibilityQuestions });
}
