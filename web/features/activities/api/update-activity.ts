import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { activityListSchema, updateActivityBodySchema } from '../../../../src/shared/api/activities.ts';
import type { Activity } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { activityKeys } from './activity-keys.ts';

export const updateActivityInputSchema = updateActivityBodySchema;
export type UpdateActivityInput = { id: number; changes: z.output<typeof updateActivityBodySchema> };

export async function updateActivity({ id, changes }: UpdateActivityInput): Promise<Activity[]> {
  return (await apiRequest(`/api/activities/${id}`, activityListSchema, { method: 'PATCH', body: changes })).activities;
}

/** Edits an activity, or retires / restores it. Activities are never deleted. */
export function useUpdateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateActivity,
    onSuccess: (activities) => {
      queryClient.setQueryData(activityKeys.catalogue(true), activities);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
