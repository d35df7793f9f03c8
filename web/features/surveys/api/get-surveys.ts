import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveyListSchema } from '../../../../src/shared/api/surveys.ts';
import type { SurveyListItem } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type { SurveyListItem };

/** Staff get every survey with its counts; a participant gets the open surveys they are asked to answer. */
export async function getSurveys(): Promise<SurveyListItem[]> {
  return (await apiRequest('/api/surveys', surveyListSchema)).surveys;
}

export function surveysQueryOptions() {
  return queryOptions({ queryKey: surveyKeys.list, queryFn: getSurveys });
}

export function useSurveys(options: { enabled?: boolean } = {}) {
  return useQuery({ ...surveysQueryOptions(), enabled: options.enabled ?? true });
}
