import { useMutation, useQueryClient } from '@tanstack/react-query';
import { myMentorCardSchema, updateMentorCardBodySchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { UpdateMentorCardBody } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

export const updateMentorCardInputSchema = updateMentorCardBodySchema;
export type { UpdateMentorCardBody };

/** What my card says I offer, and my photo's description. */
export function updateMyMentorCard(body: UpdateMentorCardBody) {
  return apiRequest('/api/my/mentor-card', myMentorCardSchema, { method: 'PUT', body });
}

export function useUpdateMyMentorCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyMentorCard,
    onSuccess: (card) => queryClient.setQueryData(mentorChoiceKeys.myCard, card),
  });
}
