import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { setupStatusSchema } from '../../../src/shared/api/auth.ts';
import { apiRequest } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

export type SetupStatus = z.infer<typeof setupStatusSchema>;

export function getSetupStatus(): Promise<SetupStatus> {
  return apiRequest('/api/setup/status', setupStatusSchema);
}

export function setupStatusQueryOptions() {
  return queryOptions({ queryKey: queryKeys.setupStatus, queryFn: getSetupStatus, staleTime: 5 * 60_000 });
}

export function useSetupStatus() {
  return useQuery(setupStatusQueryOptions());
}
