import { useMutation, useQueryClient } from '@tanstack/react-query';
import { acceptedRequestSchema } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';
import { useRefreshRequests } from './refresh-requests.ts';

export interface AnswerInput {
  id: number;
  /** Words for the mentee with the answer; may be empty. */
  note: string;
}

/** The mentor (or staff, stepping in) accepts: the pair becomes a match. */
export function acceptMentorRequest({ id, note }: AnswerInput) {
  return apiRequest(`/api/mentor-requests/${id}/accept`, acceptedRequestSchema, { method: 'POST', body: { note } });
}

export function useAcceptMentorRequest() {
  const queryClient = useQueryClient();
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: acceptMentorRequest,
    onSuccess: (res) => {
      queryClient.setQueryData(mentorChoiceKeys.request(res.request.id), res.request);
      refresh({ match: true });
    },
  });
}
