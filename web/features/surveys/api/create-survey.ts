import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { surveySchema } from '../../../../src/shared/api/surveys.ts';
import type { createSurveyBodySchema, Survey } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshSurveys } from './refresh-surveys.ts';

export type CreateSurvey = z.infer<typeof createSurveyBodySchema>;

/** A new draft for a period, filled in with the standard wrap-up or check-in questions and dates. */
export function createSurvey(input: CreateSurvey): Promise<Survey> {
  return apiRequest('/api/surveys', surveySchema, { method: 'POST', body: input });
}

export function useCreateSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({ mutationFn: createSurvey, onSuccess: (survey) => refresh(survey) });
}
