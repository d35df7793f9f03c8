import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';
import { useRefreshSurveys } from './refresh-surveys.ts';

/** Deletes a draft; a published survey is closed instead, so its answers are kept. */
export async function deleteSurvey(id: number): Promise<void> {
  await apiRequest(`/api/surveys/${id}`, okSchema, { method: 'DELETE' });
}

export function useDeleteSurvey() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: deleteSurvey,
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: surveyKeys.one(id) });
      refresh();
    },
  });
}
