import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendLettersResultSchema } from '../../../../src/shared/api/recognition-letters.ts';
import type { SendLettersResult } from '../../../../src/shared/api/recognition-letters.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { letterKeys } from './letter-keys.ts';

export type { SendLettersResult };

/** Staff: e-mails every mentor of the period who has a letter and has not been told yet. */
export function sendLetters(periodId: number): Promise<SendLettersResult> {
  return apiRequest(`/api/periods/${periodId}/recognition-letters/send`, sendLettersResultSchema, { method: 'POST' });
}

export function useSendLetters(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendLetters(periodId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: letterKeys.period(periodId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    },
  });
}
