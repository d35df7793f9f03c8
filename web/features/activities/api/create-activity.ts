import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { activityListSchema, createActivityBodySchema } from '../../../../src/shared/api/activities.ts';
import type { Activity } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { activityKeys } from './activity-keys.ts';

export const createActivityInputSchema = createActivityBodySchema;
export type CreateActivityInput = z.output<typeof createActivityBodySchema>;

/** The server answers with the whole catalogue, retired activities included. */
export async function createActivity(input: CreateActivityInput): Promise<Activity[]> {
  return (await apiRequest('/api/activities', activityListSchema, { method: 'POST', body: input })).activities;
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: (activities) => {
      queryClient.setQueryData(activityKeys.catalogue(true), activities);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
