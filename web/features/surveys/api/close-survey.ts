import { useMutation } from '@tanstack/react-query';
import { surveySchema } from '../../../../src/shared/api/surveys.ts';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshSurveys } from './refresh-surveys.ts';

/** Closes an open survey before its closing date: nobody can answer after this. */
export function closeSurvey(id: number): Promise<Survey> {
  return apiRequest(`/api/surveys/${id}/close`, surveySchema, { method: 'POST' });
}

export function useCloseSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({ mutationFn: closeSurvey, onSuccess: (survey) => refresh(survey) });
}
