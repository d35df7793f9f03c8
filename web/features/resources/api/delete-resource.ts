import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

/** Deletes a resource and, for an upload, its file. */
export async function deleteResource(id: number): Promise<void> {
  await apiRequest(`/api/resources/${id}`, okSchema, { method: 'DELETE' });
}

export function useDeleteResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteResource,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
