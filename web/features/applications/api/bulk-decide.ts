import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bulkDecisionResultSchema } from '../../../../src/shared/api/applications.ts';
import type { BulkDecisionResult } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { cleanFilters } from './get-period-applications.ts';
import type { ApplicationFilters } from './get-period-applications.ts';

export type { BulkDecisionResult };
export type BulkDecision = 'accepted' | 'waitlisted' | 'declined';

export interface BulkDecideInput {
  periodId: number;
  filters: ApplicationFilters;
  decision: BulkDecision;
  reason: string;
  preview: boolean;
}

/** The list's filters as the server's body takes them (the goal as a number). */
function filterBody(filters: ApplicationFilters): Record<string, string | number> {
  const clean: Record<string, string | number> = { ...cleanFilters(filters) };
  if (typeof clean.goal === 'string') clean.goal = Number(clean.goal);
  return clean;
}

export function bulkDecide({ periodId, filters, decision, reason, preview }: BulkDecideInput): Promise<BulkDecisionResult> {
  return apiRequest(`/api/periods/${periodId}/applications/bulk-decision`, bulkDecisionResultSchema, {
    method: 'POST',
    body: { filter: filterBody(filters), decision, reason: reason.trim(), preview },
  });
}

/** What a bulk decision would do (preview: true, nothing changes). */
export function useBulkDecisionPreview() {
  return useMutation({ mutationFn: (input: Omit<BulkDecideInput, 'preview'>) => bulkDecide({ ...input, preview: true }) });
}

/** One decision for everyone the filters show; each person changed is e-mailed. */
export function useBulkDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<BulkDecideInput, 'preview'>) => bulkDecide({ ...input, preview: false }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications });
      // The pool changed: the matching workspace and any proposal need a fresh look.
      void queryClient.invalidateQueries({ queryKey: queryKeys.matching });
      void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      // Acceptance gives the mentor or mentee role; a waitlist or decline takes it away.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}
