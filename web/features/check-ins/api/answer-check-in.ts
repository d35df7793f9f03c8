import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { checkInAnswerResultSchema } from '../../../../src/shared/api/check-ins.ts';
import type { checkInAnswerSchema, CheckInAnswerResult } from '../../../../src/shared/api/check-ins.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type CheckInAnswer = z.infer<typeof checkInAnswerSchema>;

/** A POST carrying the token (with the CSRF token when someone is signed in, as every change). */
export function answerCheckIn(input: { token: string; answer: CheckInAnswer }): Promise<CheckInAnswerResult> {
  return apiRequest(`/api/check-ins/${encodeURIComponent(input.token)}/answer`, checkInAnswerResultSchema, {
    method: 'POST',
    body: { answer: input.answer },
  });
}

/** The page shows the answer from this mutation's result (a fresh answer, or the first one that stands). */
export function useAnswerCheckIn() {
  return useMutation({ mutationFn: answerCheckIn });
}
