import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { periodSchema, updatePeriodBodySchema } from '../../../../src/shared/api/periods.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const updatePeriodInputSchema = updatePeriodBodySchema;
export type UpdatePeriodInput = { id: number; changes: z.output<typeof updatePeriodBodySchema> };

export function updatePeriod({ id, changes }: UpdatePeriodInput) {
  return apiRequest(`/api/periods/${id}`, periodSchema, { method: 'PATCH', body: changes });
}

export function useUpdatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePeriod,
    onSuccess: (period) => {
      queryClient.setQueryData(queryKeys.period(period.id), period);
      void queryClient.invalidateQueries({ queryKey: queryKeys.periods, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
