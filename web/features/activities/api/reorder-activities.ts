import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activityListSchema } from '../../../../src/shared/api/activities.ts';
import type { Activity } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { activityKeys } from './activity-keys.ts';

/** Sends every activity id (retired ones too) in the new order. */
export async function reorderActivities(ids: number[]): Promise<Activity[]> {
  return (await apiRequest('/api/activities/reorder', activityListSchema, { method: 'POST', body: { ids } })).activities;
}

export function useReorderActivities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderActivities,
    onSuccess: (activities) => {
      queryClient.setQueryData(activityKeys.catalogue(true), activities);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
