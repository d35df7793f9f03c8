import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveySchema } from '../../../../src/shared/api/surveys.ts';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type { Survey };

/** The whole survey with its questions, for staff. */
export function getSurvey(id: number): Promise<Survey> {
  return apiRequest(`/api/surveys/${id}`, surveySchema);
}

export function surveyQueryOptions(id: number) {
  return queryOptions({ queryKey: surveyKeys.one(id), queryFn: () => getSurvey(id), enabled: id > 0, retry: false });
}

export function useSurvey(id: number) {
  return useQuery(surveyQueryOptions(id));
}
