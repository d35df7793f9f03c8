import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { resetCompleteBodySchema } from '../../../../src/shared/api/auth.ts';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const completePasswordResetInputSchema = resetCompleteBodySchema;
export type CompletePasswordResetInput = z.output<typeof resetCompleteBodySchema>;

export function completePasswordReset(input: CompletePasswordResetInput) {
  return apiRequest('/api/auth/password-reset/complete', okSchema, { method: 'POST', body: input });
}

export function useCompletePasswordReset() {
  return useMutation({ mutationFn: completePasswordReset });
}
