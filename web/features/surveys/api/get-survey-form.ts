import { queryOptions, useQuery } from '@tanstack/react-query';
import { surveyFormSchema } from '../../../../src/shared/api/surveys.ts';
import type { SurveyForm } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type { SurveyForm };

/** The form as the invited person sees it: their questions, their saved draft, and where they stand. */
export function getSurveyForm(id: number): Promise<SurveyForm> {
  return apiRequest(`/api/surveys/${id}/form`, surveyFormSchema);
}

export function surveyFormQueryOptions(id: number) {
  // Not refetched behind the person's back while they type: the page keeps its own answers.
  return queryOptions({
    queryKey: surveyKeys.form(id),
    queryFn: () => getSurveyForm(id),
    enabled: id > 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSurveyForm(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({ ...surveyFormQueryOptions(id), enabled: id > 0 && (options.enabled ?? true) });
}
