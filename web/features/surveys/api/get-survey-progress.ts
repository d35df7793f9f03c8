import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveyProgressSchema } from '../../../../src/shared/api/surveys.ts';
import type { SurveyProgress } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type { SurveyProgress };

/** How many have answered, by role and by day (never what anyone said); who hasn’t yet: get-survey-not-yet.ts. */
export function getSurveyProgress(id: number): Promise<SurveyProgress> {
  return apiRequest(`/api/surveys/${id}/progress`, surveyProgressSchema);
}

export function surveyProgressQueryOptions(id: number) {
  return queryOptions({ queryKey: surveyKeys.progress(id), queryFn: () => getSurveyProgress(id) });
}

export function useSurveyProgress(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({ ...surveyProgressQueryOptions(id), enabled: options.enabled ?? true });
}
