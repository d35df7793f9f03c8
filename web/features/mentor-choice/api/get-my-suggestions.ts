import { queryOptions, useQuery } from '@tanstack/react-query';
import { mySuggestionsSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MentorCard, MySuggestions, Suggestion } from '../../../../src/shared/api/mentor-choice.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

export type { MentorCard, MySuggestions, Suggestion };

/** The mentors suggested to me as a mentee who chooses, best first, with why; or why there are none. */
export function getMySuggestions(): Promise<MySuggestions> {
  return apiRequest('/api/my/suggestions', mySuggestionsSchema);
}

export function mySuggestionsQueryOptions() {
  return queryOptions({ queryKey: mentorChoiceKeys.suggestions, queryFn: getMySuggestions, staleTime: 30_000 });
}

export function useMySuggestions(enabled = true) {
  return useQuery({ ...mySuggestionsQueryOptions(), enabled });
}
