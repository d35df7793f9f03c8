import { useMutation, useQueryClient } from '@tanstack/react-query';
import { faqListSchema } from '../../../../src/shared/api/resources.ts';
import type { FaqEntry } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export async function deleteFaqEntry(id: number): Promise<FaqEntry[]> {
  return (await apiRequest(`/api/faq/${id}`, faqListSchema, { method: 'DELETE' })).entries;
}

export function useDeleteFaqEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFaqEntry,
    onSuccess: (entries) => {
      queryClient.setQueryData(resourceKeys.faq, entries);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
