import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveyListSchema } from '../../../../src/shared/api/surveys.ts';
import type { SurveyListItem } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

/** The published surveys whose results the person may read (staff and the task force). */
export async function getSurveyResultsList(): Promise<SurveyListItem[]> {
  return (await apiRequest('/api/survey-results', surveyListSchema)).surveys;
}

export function surveyResultsListQueryOptions() {
  return queryOptions({ queryKey: surveyKeys.resultsList, queryFn: getSurveyResultsList });
}

export function useSurveyResultsList() {
  return useQuery(surveyResultsListQueryOptions());
}
