import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveyResultsSchema } from '../../../../src/shared/api/surveys.ts';
import type { QuestionResult, QuestionSummary, SurveyResults } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type { QuestionResult, QuestionSummary, SurveyResults };

/** The answers in aggregate, overall and by role; any group too small to stay anonymous comes back hidden. */
export function getSurveyResults(id: number): Promise<SurveyResults> {
  return apiRequest(`/api/surveys/${id}/results?by=role`, surveyResultsSchema);
}

export function surveyResultsQueryOptions(id: number) {
  return queryOptions({ queryKey: surveyKeys.results(id), queryFn: () => getSurveyResults(id), enabled: id > 0, retry: false });
}

export function useSurveyResults(id: number) {
  return useQuery(surveyResultsQueryOptions(id));
}

/** The same aggregates as a CSV file, for a spreadsheet (a plain link: the browser downloads it). */
