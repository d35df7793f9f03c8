import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { applicationListSchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type ApplicationList = z.output<typeof applicationListSchema>;
export type ApplicationFilters = Partial<Record<'role' | 'status' | 'workplaceType' | 'region' | 'goal' | 'q', string>>;

/** Only the filters that are set, so the cache key and the URL stay tidy. */
export function cleanFilters(filters: ApplicationFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    const v = value?.trim();
    if (v) out[key] = v;
  }
  return out;
}

export function getPeriodApplications(periodId: number, filters: ApplicationFilters): Promise<ApplicationList> {
  const query = new URLSearchParams(cleanFilters(filters)).toString();
  return apiRequest(`/api/periods/${periodId}/applications${query ? `?${query}` : ''}`, applicationListSchema);
}

export function periodApplicationsQueryOptions(periodId: number, filters: ApplicationFilters) {
  const clean = cleanFilters(filters);
  return queryOptions({
    queryKey: queryKeys.periodApplications(periodId, clean),
    queryFn: () => getPeriodApplications(periodId, clean),
    // Keep the last table on screen while a new filter loads.
    placeholderData: keepPreviousData,
  });
}

/** A period's applications, filtered, with counts by role and status. */
export function usePeriodApplications(periodId: number, filters: ApplicationFilters) {
  return useQuery(periodApplicationsQueryOptions(periodId, filters));
}
