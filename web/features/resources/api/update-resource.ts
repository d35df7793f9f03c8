import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { resourceSchema, updateResourceBodySchema } from '../../../../src/shared/api/resources.ts';
import type { Resource } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export const updateResourceInputSchema = updateResourceBodySchema;
export type UpdateResourceInput = { id: number; changes: z.output<typeof updateResourceBodySchema> };

export function updateResource({ id, changes }: UpdateResourceInput): Promise<Resource> {
  return apiRequest(`/api/resources/${id}`, resourceSchema, { method: 'PATCH', body: changes });
}

export function useUpdateResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateResource,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
