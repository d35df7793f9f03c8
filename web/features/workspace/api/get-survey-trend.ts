import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveyTrendSchema } from '../../../../src/shared/api/program-figures.ts';
import type { SurveyTrend } from '../../../../src/shared/api/program-figures.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspaceKeys } from './workspace-keys.ts';

export type { SurveyTrend };

/** One question's answers in each year's closed wrap-up survey, oldest first. */
export function getSurveyTrend(questionId: string): Promise<SurveyTrend> {
  return apiRequest(`/api/survey-results/across-years?questionId=${encodeURIComponent(questionId)}`, surveyTrendSchema);
}

export function surveyTrendQueryOptions(questionId: string) {
  return queryOptions({ queryKey: workspaceKeys.trend(questionId), queryFn: () => getSurveyTrend(questionId), enabled: questionId !== '' });
}

export function useSurveyTrend(questionId: string) {
  return useQuery(surveyTrendQueryOptions(questionId));
}
