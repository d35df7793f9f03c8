import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { applyFormSchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type ApplyForm = z.output<typeof applyFormSchema>;
export type EligibilityQuestion = ApplyForm['eligibilityQuestions'][number];

export function getApplyForm(): Promise<ApplyForm> {
  return apiRequest('/api/apply/form', applyFormSchema);
}

export function applyFormQueryOptions() {
  return queryOptions({ queryKey: queryKeys.applyForm, queryFn: getApplyForm, staleTime: 60_000 });
}

/** What the application form asks right now: open periods, goals, eligibility questions, channels. */
export function useApplyForm() {
  return useQuery(applyFormQueryOptions());
}
