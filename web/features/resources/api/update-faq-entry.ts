import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { faqListSchema } from '../../../../src/shared/api/resources.ts';
import type { FaqEntry, updateFaqBodySchema } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export type UpdateFaqEntryInput = { id: number; changes: z.output<typeof updateFaqBodySchema> };

export async function updateFaqEntry({ id, changes }: UpdateFaqEntryInput): Promise<FaqEntry[]> {
  return (await apiRequest(`/api/faq/${id}`, faqListSchema, { method: 'PATCH', body: changes })).entries;
}

export function useUpdateFaqEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFaqEntry,
    onSuccess: (entries) => {
      queryClient.setQueryData(resourceKeys.faq, entries);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
