import { useMutation, useQueryClient } from '@tanstack/react-query';
import { submittedSchema } from '../../../../src/shared/api/surveys.ts';
import type { Answers, SurveyForm } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

/**
 * Sends the answers for good. 422 names each question with a problem (details at
 * "answers.<questionId>"); 409 says they had already answered or the survey has closed.
 */
export function submitResponse(input: { surveyId: number; answers: Answers }): Promise<{ submittedOn: string }> {
  return apiRequest(`/api/surveys/${input.surveyId}/response`, submittedSchema, { method: 'POST', body: { answers: input.answers } });
}

export function useSubmitResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitResponse,
    onSuccess: (result, input) => {
      queryClient.setQueryData<SurveyForm>(surveyKeys.form(input.surveyId), (old) =>
        old ? { ...old, answers: input.answers, status: 'submitted', submittedOn: result.submittedOn } : old,
      );
      // The home card and the list say thank you; the form itself is not fetched again.
      void queryClient.invalidateQueries({ queryKey: surveyKeys.list });
    },
  });
}
