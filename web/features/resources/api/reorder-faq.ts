import { useMutation, useQueryClient } from '@tanstack/react-query';
import { faqListSchema } from '../../../../src/shared/api/resources.ts';
import type { FaqEntry } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

/** Sends every question's id in the new order. */
export async function reorderFaq(ids: number[]): Promise<FaqEntry[]> {
  return (await apiRequest('/api/faq/reorder', faqListSchema, { method: 'POST', body: { ids } })).entries;
}

export function useReorderFaq() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderFaq,
    onSuccess: (entries) => {
      queryClient.setQueryData(resourceKeys.faq, entries);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
