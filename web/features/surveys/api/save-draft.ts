import type { QueryClient } from '@tanstack/react-query';
import { draftSavedSchema } from '../../../../src/shared/api/surveys.ts';
import type { Answers, SurveyForm, SurveyListItem } from '../../../../src/shared/api/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

/** Keeps unfinished answers (any number of them) so the person can come back to them. */
export async function saveDraft(input: { surveyId: number; answers: Answers }): Promise<{ savedAt: string }> {
  return apiRequest(`/api/surveys/${input.surveyId}/draft`, draftSavedSchema, { method: 'PUT', body: { answers: input.answers } });
}

/**
 * The saved draft becomes the form's cached data, so coming back to the page (before it is
 * fetched again) shows what was saved rather than what was there when the page first loaded; and
 * the list (the home card) says they've started.
 */
export function rememberDraft(queryClient: QueryClient, surveyId: number, answers: Answers, savedAt: string | null): void {
  queryClient.setQueryData<SurveyForm>(surveyKeys.form(surveyId), (old) =>
    old
      ? {
          ...old,
          answers,
          status: old.status === 'not-started' ? 'draft' : old.status,
          draftSavedAt: savedAt ?? old.draftSavedAt,
        }
      : old,
  );
  queryClient.setQueryData<SurveyListItem[]>(surveyKeys.list, (old) =>
    old?.map((s) => (s.id === surveyId && s.myStatus === 'not-started' ? { ...s, myStatus: 'draft' } : s)),
  );
}
