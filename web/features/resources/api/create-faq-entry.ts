import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createFaqBodySchema, faqListSchema } from '../../../../src/shared/api/resources.ts';
import type { FaqEntry } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export const faqEntryInputSchema = createFaqBodySchema;
export type FaqEntryInput = z.output<typeof createFaqBodySchema>;

/** Adds a question at the end; the server answers with the whole FAQ. */
export async function createFaqEntry(input: FaqEntryInput): Promise<FaqEntry[]> {
  return (await apiRequest('/api/faq', faqListSchema, { method: 'POST', body: input })).entries;
}

export function useCreateFaqEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFaqEntry,
    onSuccess: (entries) => {
      queryClient.setQueryData(resourceKeys.faq, entries);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
