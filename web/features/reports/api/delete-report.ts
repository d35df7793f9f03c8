import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** Deletes a draft (a published report stays). */
export async function deleteReport(id: number): Promise<void> {
  await apiRequest(`/api/reports/${id}`, okSchema, { method: 'DELETE' });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteReport,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: reportKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.list });
    },
  });
}
