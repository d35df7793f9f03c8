import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createMentorRequestBodySchema, mentorRequestSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MentorRequest, MyMentorRequests, MySuggestions } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';
import { useRefreshRequests } from './refresh-requests.ts';

export const askMentorBodySchema = createMentorRequestBodySchema;
export type AskMentorBody = z.output<typeof createMentorRequestBodySchema>;

/** A mentee asks one of their suggested mentors, with a short note; the mentor hears by e-mail. */
export function askMentor(body: AskMentorBody) {
  return apiRequest('/api/mentor-requests', mentorRequestSchema, { method: 'POST', body });
}

export function useAskMentor() {
  const queryClient = useQueryClient();
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: askMentor,
    onSuccess: (request: MentorRequest) => {
      // Show the request on its card at once; the reads that follow confirm it.
      queryClient.setQueryData<MySuggestions>(mentorChoiceKeys.suggestions, (old) =>
        old
          ? {
              ...old,
              pendingRequests: old.pendingRequests + 1,
              suggestions: old.suggestions.map((s) => (s.mentorId === request.mentor.userId ? { ...s, pendingRequestId: request.id } : s)),
            }
          : old,
      );
      queryClient.setQueryData<MyMentorRequests>(mentorChoiceKeys.myRequests, (old) =>
        old ? { ...old, sent: [request, ...old.sent.filter((r) => r.id !== request.id)] } : old,
      );
      refresh({ match: false });
    },
  });
}
