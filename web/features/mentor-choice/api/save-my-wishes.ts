import { useMutation, useQueryClient } from '@tanstack/react-query';
import { myWishesSchema } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

/** Hybrid mode: the mentors I would like (user ids), first choice first. Each must be one of my suggestions. */
export function saveMyWishes(mentorIds: number[]) {
  return apiRequest('/api/my/wishes', myWishesSchema, { method: 'PUT', body: { mentorIds } });
}

export function useSaveMyWishes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMyWishes,
    // Each suggestion carries its wish rank: read them again.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mentorChoiceKeys.suggestions }),
  });
}
