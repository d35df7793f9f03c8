import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { resetRequestBodySchema } from '../../../../src/shared/api/auth.ts';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const requestPasswordResetInputSchema = resetRequestBodySchema;
export type RequestPasswordResetInput = z.output<typeof resetRequestBodySchema>;

export function requestPasswordReset(input: RequestPasswordResetInput) {
  return apiRequest('/api/auth/password-reset/request', okSchema, { method: 'POST', body: input });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
