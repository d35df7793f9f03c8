import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { notYetListSchema } from '../../../../src/shared/api/survey-not-yet.ts';
import type { NotYetList, NotYetPerson } from '../../../../src/shared/api/survey-not-yet.ts';
import type { RespondentRole } from '../../../../src/shared/surveys.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { surveyKeys } from './survey-keys.ts';

export type { NotYetList, NotYetPerson };

/** What the list of people who haven't answered shows, as it stands in the page's address. */
export interface NotYetFilters {
  q?: string | undefined;
  role?: RespondentRole | undefined;
  started?: boolean | undefined;
}

export const NOT_YET_PAGE_SIZE = 50;

/** One page of who hasn't answered a survey (never what anyone said); `after` is the previous page's `nextCursor`. */
export function getSurveyNotYet(id: number, filters: NotYetFilters, after?: string, limit = NOT_YET_PAGE_SIZE): Promise<NotYetList> {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  if (after) params.set('after', after);
  return apiRequest(`/api/surveys/${id}/not-yet?${params.toString()}`, notYetListSchema);
}

export function surveyNotYetQueryOptions(id: number, filters: NotYetFilters) {
  return infiniteQueryOptions({
    queryKey: surveyKeys.notYet(id, filters),
    queryFn: ({ pageParam }) => getSurveyNotYet(id, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** A page at a time ("Load more" fetches the next); the previous list stays while another loads. */
export function useSurveyNotYet(id: number, filters: NotYetFilters) {
  return useInfiniteQuery({ ...surveyNotYetQueryOptions(id, filters), placeholderData: keepPreviousData });
}
