import { queryOptions, useQuery } from '@tanstack/react-query';
import { myApplicationListSchema } from '../../../../src/shared/api/applications.ts';
import type { Application } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { Application };

export async function getMyApplications(): Promise<Application[]> {
  const data = await apiRequest('/api/my/applications', myApplicationListSchema);
  return data.applications;
}

export function myApplicationsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.myApplications, queryFn: getMyApplications });
}

/** The signed-in person's own applications, newest first. */
export function useMyApplications() {
  return useQuery(myApplicationsQueryOptions());
}
