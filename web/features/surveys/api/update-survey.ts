import { useMutation } from '@tanstack/react-query';
import { surveySchema, updateSurveyBodySchema } from '../../../../src/shared/api/surveys.ts';
import type { Survey, UpdateSurvey } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshSurveys } from './refresh-surveys.ts';

export { updateSurveyBodySchema };
export type { UpdateSurvey };

/** Saves the changed settings and questions. Once people have answered, only wording may change (422 otherwise). */
export function updateSurvey(input: { id: number; changes: UpdateSurvey }): Promise<Survey> {
  return apiRequest(`/api/surveys/${input.id}`, surveySchema, { method: 'PATCH', body: input.changes });
}

export function useUpdateSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({ mutationFn: updateSurvey, onSuccess: (survey) => refresh(survey) });
}
