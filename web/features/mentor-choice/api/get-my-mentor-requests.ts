import { queryOptions, useQuery } from '@tanstack/react-query';
import { myMentorRequestsSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MentorRequest, MyMentorRequests } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

export type { MentorRequest, MyMentorRequests };

/** Requests I sent as a mentee (newest first) and received as a mentor (pending first). */
export function getMyMentorRequests(): Promise<MyMentorRequests> {
  return apiRequest('/api/my/mentor-requests', myMentorRequestsSchema);
}

export function myMentorRequestsQueryOptions() {
  return queryOptions({ queryKey: mentorChoiceKeys.myRequests, queryFn: getMyMentorRequests, staleTime: 30_000 });
}

export function useMyMentorRequests(enabled = true) {
  return useQuery({ ...myMentorRequestsQueryOptions(), enabled });
}
