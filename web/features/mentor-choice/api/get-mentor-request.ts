import { queryOptions, useQuery } from '@tanstack/react-query';
import { mentorRequestSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MentorRequest } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

/** One request, for its mentee, its mentor or staff (anyone else gets a 404). */
export function getMentorRequest(id: number): Promise<MentorRequest> {
  return apiRequest(`/api/mentor-requests/${id}`, mentorRequestSchema);
}

export function mentorRequestQueryOptions(id: number) {
  return queryOptions({ queryKey: mentorChoiceKeys.request(id), queryFn: () => getMentorRequest(id), enabled: id > 0, retry: false });
}

export function useMentorRequest(id: number) {
  return useQuery(mentorRequestQueryOptions(id));
}
