import { useMutation, useQueryClient } from '@tanstack/react-query';
import { myMentorCardSchema } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

/** Takes the photo off my card (the stored file is deleted). */
export function removeMentorPhoto() {
  return apiRequest('/api/my/mentor-card/photo', myMentorCardSchema, { method: 'DELETE' });
}

export function useRemoveMentorPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMentorPhoto,
    onSuccess: (card) => queryClient.setQueryData(mentorChoiceKeys.myCard, card),
  });
}
