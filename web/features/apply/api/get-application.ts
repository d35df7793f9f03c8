import { queryOptions, useQuery } from '@tanstack/react-query';
import { applicationSchema } from '../../../../src/shared/api/applications.ts';
import type { Application } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getApplication(id: number): Promise<Application> {
  return apiRequest(`/api/applications/${id}`, applicationSchema);
}

export function applicationQueryOptions(id: number) {
  return queryOptions({ queryKey: queryKeys.application(id), queryFn: () => getApplication(id) });
}

/** One of your own applications. */
export function useApplication(id: number) {
  return useQuery(applicationQueryOptions(id));
}
