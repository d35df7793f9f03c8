import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mentorRequestSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MentorRequest, MySuggestions } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AnswerInput } from './accept-mentor-request.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';
import { useRefreshRequests } from './refresh-requests.ts';

/** The mentee takes their request back; staff close one for the program (the note goes to the mentee). */
export function withdrawMentorRequest({ id, note }: AnswerInput) {
  return apiRequest(`/api/mentor-requests/${id}/withdraw`, mentorRequestSchema, { method: 'POST', body: { note } });
}

export function useWithdrawMentorRequest() {
  const queryClient = useQueryClient();
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: withdrawMentorRequest,
    onSuccess: (request: MentorRequest) => {
      // The mentee's card offers "Ask" again at once; the reads that follow confirm it.
      queryClient.setQueryData<MySuggestions>(mentorChoiceKeys.suggestions, (old) =>
        old?.suggestions.some((s) => s.pendingRequestId === request.id)
          ? {
              ...old,
              pendingRequests: Math.max(0, old.pendingRequests - 1),
              suggestions: old.suggestions.map((s) => (s.pendingRequestId === request.id ? { ...s, pendingRequestId: null } : s)),
            }
          : old,
      );
      queryClient.setQueryData(mentorChoiceKeys.request(request.id), request);
      refresh({ match: false });
    },
  });
}
