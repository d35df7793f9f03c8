import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { importBodySchema, importResultSchema } from '../../../../src/shared/api/applications.ts';
import type { ImportResult } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const importInputSchema = importBodySchema;

export type { ImportResult };
export type ImportInput = { periodId: number; body: z.input<typeof importBodySchema> };

export function importApplications({ periodId, body }: ImportInput) {
  return apiRequest(`/api/periods/${periodId}/applications/import`, importResultSchema, { method: 'POST', body });
}

/** Preview a CSV file, or import it (all or nothing, or the good rows only). */
export function useImportApplications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importApplications,
    onSuccess: (result) => {
      if (!result.imported) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.matching });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
