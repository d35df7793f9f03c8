import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { changePasswordBodySchema } from '../../../../src/shared/api/auth.ts';
import { okSchema } from '../../../../src/shared/api/common.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const changePasswordInputSchema = changePasswordBodySchema;
export type ChangePasswordInput = z.output<typeof changePasswordBodySchema>;

export function changePassword(input: ChangePasswordInput) {
  return apiRequest('/api/auth/password', okSchema, { method: 'POST', body: input });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
