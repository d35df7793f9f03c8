import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { emailSchema, passwordSchema, personNameSchema } from './common.ts';

export const roleSchema = z.enum(ROLES);

export const meSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
});
export type Me = z.infer<typeof meSchema>;

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
export const meResponseSchema = z.object({ user: meSchema });
/** GET /api/me: the signed-in person, or `user: null` when nobody is signed in (an answer, not an error). */
export const currentUserResponseSchema = z.object({ user: meSchema.nullable() });

export const csrfResponseSchema = z.object({ token: z.string() });

export const setupStatusSchema = z.object({
  needsSetup: z.boolean(),
  programName: z.string().nullable(),
});

export const setupBodySchema = z.strictObject({
  programName: z.string().trim().min(1).max(200),
  timeZone: z.string().min(1).max(64),
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const resetRequestBodySchema = z.strictObject({ email: emailSchema });
export const resetCompleteBodySchema = z.strictObject({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});
export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
});

export const invitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  programName: z.string(),
});
export const acceptInvitationBodySchema = z.strictObject({
  name: personNameSchema,
  password: passwordSchema,
});
export const tokenParamsSchema = z.strictObject({ token: z.string().min(10).max(200) });
