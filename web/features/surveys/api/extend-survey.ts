import { useMutation } from '@tanstack/react-query';
import { extendSurveyBodySchema, surveySchema } from '../../../../src/shared/api/surveys.ts';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshSurveys } from './refresh-surveys.ts';

export { extendSurveyBodySchema };

/** Moves the closing date later, giving people more time to answer. */
export function extendSurvey(input: { id: number; closesOn: string }): Promise<Survey> {
  return apiRequest(`/api/surveys/${input.id}/extend`, surveySchema, { method: 'POST', body: { closesOn: input.closesOn } });
}

export function useExtendSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({ mutationFn: extendSurvey, onSuccess: (survey) => refresh(survey) });
}
