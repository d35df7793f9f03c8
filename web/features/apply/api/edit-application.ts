import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { applicationSchema, editApplicationBodySchema } from '../../../../src/shared/api/applications.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const editApplicationInputSchema = editApplicationBodySchema;

export type EditApplicationInput = { id: number; answers: z.input<typeof editApplicationBodySchema>['answers'] };

export function editApplication({ id, answers }: EditApplicationInput) {
  return apiRequest(`/api/applications/${id}`, applicationSchema, { method: 'PATCH', body: { answers } });
}

/** Changes your answers while applications are open. */
export function useEditApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editApplication,
    onSuccess: (application) => {
      queryClient.setQueryData(queryKeys.application(application.id), application);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApplications });
    },
  });
}
