import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { applicationSchema, decisionBodySchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const decisionInputSchema = decisionBodySchema;
export type DecideInput = { id: number; decision: z.output<typeof decisionBodySchema> };

export function decideApplication({ id, decision }: DecideInput) {
  return apiRequest(`/api/applications/${id}/decision`, applicationSchema, { method: 'POST', body: decision });
}

/** Accept, waitlist or decline; the applicant is e-mailed. */
export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideApplication,
    onSuccess: (application) => {
      queryClient.setQueryData(queryKeys.application(application.id), application);
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications });
      // The pool changed: the matching workspace and any proposal need a fresh look.
      void queryClient.invalidateQueries({ queryKey: queryKeys.matching });
      void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      // Acceptance gives the applicant the mentor or mentee role; a later decline or waitlist takes it away.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}
