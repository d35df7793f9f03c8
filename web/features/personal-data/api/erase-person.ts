import { useMutation, useQueryClient } from '@tanstack/react-query';
import { erasureResultSchema } from '../../../../src/shared/api/personal-data.ts';
import type { EraseBody } from '../../../../src/shared/api/personal-data.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function erasePerson({ userId, body }: { userId: number; body: EraseBody }) {
  return apiRequest(`/api/people/${userId}/erase`, erasureResultSchema, { method: 'POST', body });
}

export function useErasePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: erasePerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      void queryClient.invalidateQueries({ queryKey: ['erasure-preview'] });
    },
  });
}
