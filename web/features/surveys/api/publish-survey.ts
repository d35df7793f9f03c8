import { useMutation } from '@tanstack/react-query';
import { surveySchema } from '../../../../src/shared/api/surveys.ts';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshSurveys } from './refresh-surveys.ts';

/** Publishes a draft: it is scheduled, or open at once if its first day has come; invitations go out as it opens. */
export function publishSurvey(id: number): Promise<Survey> {
  return apiRequest(`/api/surveys/${id}/publish`, surveySchema, { method: 'POST' });
}

export function usePublishSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({ mutationFn: publishSurvey, onSuccess: (survey) => refresh(survey) });
}
