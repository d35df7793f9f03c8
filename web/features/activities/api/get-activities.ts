import { queryOptions, useQuery } from '@tanstack/react-query';
import { activityListSchema } from '../../../../src/shared/api/activities.ts';
import type { Activity } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { activityKeys } from './activity-keys.ts';

export type { Activity };

/** The catalogue in order; `includeRetired` is honoured for staff only. */
export async function getActivities(includeRetired: boolean): Promise<Activity[]> {
  const data = await apiRequest(`/api/activities${includeRetired ? '?includeRetired=true' : ''}`, activityListSchema);
  return data.activities;
}

export function activitiesQueryOptions(includeRetired = false) {
  return queryOptions({
    queryKey: activityKeys.catalogue(includeRetired),
    queryFn: () => getActivities(includeRetired),
    staleTime: 60_000,
  });
}

export function useActivities(includeRetired = false) {
  return useQuery(activitiesQueryOptions(includeRetired));
}
