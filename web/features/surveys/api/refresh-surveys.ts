import { useQueryClient } from '@tanstack/react-query';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { surveyKeys } from './survey-keys.ts';

/**
 * After staff change a survey: keep the answer as the survey's own data (so its page shows it at
 * once), then refresh every survey query, the outbox (invitations are e-mails) and the audit log.
 */
export function useRefreshSurveys() {
  const queryClient = useQueryClient();
  return (survey?: Survey) => {
    if (survey) queryClient.setQueryData(surveyKeys.one(survey.id), survey);
    void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
  };
}
