import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mentorRequestSchema } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AnswerInput } from './accept-mentor-request.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';
import { useRefreshRequests } from './refresh-requests.ts';

/** The mentor (or staff) declines, with optional words for the mentee. */
export function declineMentorRequest({ id, note }: AnswerInput) {
  return apiRequest(`/api/mentor-requests/${id}/decline`, mentorRequestSchema, { method: 'POST', body: { note } });
}

export function useDeclineMentorRequest() {
  const queryClient = useQueryClient();
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: declineMentorRequest,
    onSuccess: (request) => {
      queryClient.setQueryData(mentorChoiceKeys.request(request.id), request);
      refresh({ match: false });
    },
  });
}
