import { queryOptions, useQuery } from '@tanstack/react-query';
import { settingsSchema } from '../../../../src/shared/api/settings.ts';
import type { Settings } from '../../../../src/shared/api/settings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { Settings };

export function getSettings(): Promise<Settings> {
  return apiRequest('/api/settings', settingsSchema);
}

export function settingsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.settings, queryFn: getSettings, staleTime: 60_000 });
}

export function useSettings() {
  return useQuery(settingsQueryOptions());
}
