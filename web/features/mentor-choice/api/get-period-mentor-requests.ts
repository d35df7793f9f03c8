import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodMentorRequestsSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { PeriodMentorRequests } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

export type { PeriodMentorRequests };

/** Staff: every mentor request of a period, with counts by status. */
export function getPeriodMentorRequests(periodId: number): Promise<PeriodMentorRequests> {
  return apiRequest(`/api/periods/${periodId}/mentor-requests`, periodMentorRequestsSchema);
}

export function periodMentorRequestsQueryOptions(periodId: number) {
  return queryOptions({
    queryKey: mentorChoiceKeys.periodRequests(periodId),
    queryFn: () => getPeriodMentorRequests(periodId),
    enabled: periodId > 0,
    retry: false,
  });
}

export function usePeriodMentorRequests(periodId: number) {
  return useQuery(periodMentorRequestsQueryOptions(periodId));
}
