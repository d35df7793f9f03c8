import { useMutation, useQueryClient } from '@tanstack/react-query';
import { periodSchema } from '../../../../src/shared/api/periods.ts';
import type { PeriodStatus } from '../../../../src/shared/period-status.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type TransitionPeriodInput = { id: number; to: PeriodStatus };

export function transitionPeriod({ id, to }: TransitionPeriodInput) {
  return apiRequest(`/api/periods/${id}/transition`, periodSchema, { method: 'POST', body: { to } });
}

/** Moves a period to one of its allowed next statuses. */
export function useTransitionPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionPeriod,
    onSuccess: (period) => {
      queryClient.setQueryData(queryKeys.period(period.id), period);
      void queryClient.invalidateQueries({ queryKey: queryKeys.periods, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
