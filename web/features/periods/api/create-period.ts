import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createPeriodBodySchema, periodSchema } from '../../../../src/shared/api/periods.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const createPeriodInputSchema = createPeriodBodySchema;
export type CreatePeriodInput = z.output<typeof createPeriodBodySchema>;

export function createPeriod(input: CreatePeriodInput) {
  return apiRequest('/api/periods', periodSchema, { method: 'POST', body: input });
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPeriod,
    onSuccess: (period) => {
      queryClient.setQueryData(queryKeys.period(period.id), period);
      void queryClient.invalidateQueries({ queryKey: queryKeys.periods, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
