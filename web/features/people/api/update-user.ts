import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { updateUserBodySchema, userSchema } from '../../../../src/shared/api/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const updateUserInputSchema = updateUserBodySchema;
export type UpdateUserInput = { id: number; changes: z.output<typeof updateUserBodySchema> };

export function updateUser({ id, changes }: UpdateUserInput) {
  return apiRequest(`/api/users/${id}`, userSchema, { method: 'PATCH', body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      // A person may have changed their own roles; refresh what the header shows.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
