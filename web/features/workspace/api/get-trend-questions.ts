import { queryOptions, useQuery } from '@tanstack/react-query';
import { trendQuestionsSchema } from '../../../../src/shared/api/program-figures.ts';
import type { TrendQuestions } from '../../../../src/shared/api/program-figures.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspaceKeys } from './workspace-keys.ts';

/** The questions of closed wrap-up surveys that can be followed from year to year. */
export function getTrendQuestions(): Promise<TrendQuestions> {
  return apiRequest('/api/survey-results/across-years/questions', trendQuestionsSchema);
}

export function trendQuestionsQueryOptions() {
  return queryOptions({ queryKey: workspaceKeys.trendQuestions, queryFn: getTrendQuestions });
}

export function useTrendQuestions() {
  return useQuery(trendQuestionsQueryOptions());
}
