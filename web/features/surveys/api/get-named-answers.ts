import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { namedAnswersSchema } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type NamedAnswers = z.infer<typeof namedAnswersSchema>;

/** Each person's answers, for a survey that was named before it opened (staff only; 409 for an anonymous one). */
export function getNamedAnswers(id: number): Promise<NamedAnswers> {
  return apiRequest(`/api/surveys/${id}/answers`, namedAnswersSchema);
}

export function namedAnswersQueryOptions(id: number) {
  return queryOptions({ queryKey: surveyKeys.answers(id), queryFn: () => getNamedAnswers(id), enabled: id > 0, retry: false });
}

export function useNamedAnswers(id: number) {
  return useQuery(namedAnswersQueryOptions(id));
}
