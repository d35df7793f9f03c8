import { queryOptions, useQuery } from '@tanstack/react-query';
import { myMentorCardSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MyMentorCard } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

export type { MyMentorCard };

/** My mentor card as mentees see it (isMentor is false for someone who never applied as a mentor). */
export function getMyMentorCard(): Promise<MyMentorCard> {
  return apiRequest('/api/my/mentor-card', myMentorCardSchema);
}

export function myMentorCardQueryOptions() {
  return queryOptions({ queryKey: mentorChoiceKeys.myCard, queryFn: getMyMentorCard });
}

export function useMyMentorCard() {
  return useQuery(myMentorCardQueryOptions());
}
