import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rsvpResultSchema } from '../../../../src/shared/api/events.ts';
import type { EventView, RsvpResult } from '../../../../src/shared/api/events.ts';
import type { RsvpResponse } from '../../../../src/shared/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

export type { RsvpResponse, RsvpResult };

/**
 * The signed-in person's answer. A "yes" to a full event is refused (409 EVENT_FULL) unless they
 * ask for the waitlist with `joinWaitlist`.
 */
export function answerRsvp(input: { eventId: number; response: RsvpResponse; joinWaitlist?: boolean }): Promise<RsvpResult> {
  return apiRequest(`/api/events/${input.eventId}/rsvp`, rsvpResultSchema, {
    method: 'PUT',
    body: { response: input.response, ...(input.joinWaitlist && { joinWaitlist: true }) },
  });
}

export function useAnswerRsvp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerRsvp,
    // The answer shows at once; the counts follow when the event is fetched again.
    onSuccess: (result) =>
      queryClient.setQueryData<EventView>(eventKeys.one(result.eventId), (old) =>
        old ? { ...old, myRsvp: result.state, myWaitlistPosition: result.waitlistPosition } : old,
      ),
    // Refreshed even after a refusal: answers may have closed, or the event changed, meanwhile.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
