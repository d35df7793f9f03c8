import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rsvpResultSchema } from '../../../../src/shared/api/events.ts';
import type { RsvpLinkView, RsvpResult } from '../../../../src/shared/api/events.ts';
import type { RsvpResponse } from '../../../../src/shared/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

/**
 * An answer through the e-mail's link: a POST carrying the token (with the CSRF token when
 * someone happens to be signed in, as every change), so it works without signing in.
 */
export function answerRsvpLink(input: { token: string; response: RsvpResponse; joinWaitlist?: boolean }): Promise<RsvpResult> {
  return apiRequest(`/api/rsvp/${encodeURIComponent(input.token)}`, rsvpResultSchema, {
    method: 'POST',
    body: { response: input.response, ...(input.joinWaitlist && { joinWaitlist: true }) },
  });
}

export function useAnswerRsvpLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerRsvpLink,
    onSuccess: (result, input) => {
      queryClient.setQueryData<RsvpLinkView>(eventKeys.rsvpLink(input.token), (old) => (old ? { ...old, state: result.state } : old));
      // A signed-in person's own lists show the answer too.
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
