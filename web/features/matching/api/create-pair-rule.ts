import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createPairRuleBodySchema, pairRuleSchema } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const createPairRuleInputSchema = createPairRuleBodySchema;

export type CreatePairRuleInput = { periodId: number; rule: z.input<typeof createPairRuleBodySchema> };

export function createPairRule({ periodId, rule }: CreatePairRuleInput) {
  return apiRequest(`/api/periods/${periodId}/pair-rules`, pairRuleSchema, { method: 'POST', body: rule });
}

/** Lock or forbid a pair; the next run honours it, and the current proposal becomes stale. */
export function useCreatePairRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPairRule,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.matching }),
  });
}
