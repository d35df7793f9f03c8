import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createLinkBodySchema, resourceSchema } from '../../../../src/shared/api/resources.ts';
import type { Resource } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export const createLinkInputSchema = createLinkBodySchema;
export type CreateLinkInput = z.output<typeof createLinkBodySchema>;

export function createLink(input: CreateLinkInput): Promise<Resource> {
  return apiRequest('/api/resources', resourceSchema, { method: 'POST', body: input });
}

/** Adds a link: a page, or a video or document kept elsewhere. */
export function useCreateLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLink,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
