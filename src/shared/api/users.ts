import { z } from 'zod';
import { emailSchema, instantSchema, personNameSchema } from './common.ts';
import { roleSchema } from './auth.ts';
import { cursorSchema, listPageFields, pageSizeSchema, searchTextSchema } from './list-query.ts';

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  /** Erased by staff (issue #14): a placeholder account that stays disabled. */
  erased: z.boolean(),
  createdAt: instantSchema,
});
export type User = z.infer<typeof userSchema>;
/** One page of people, the cursor of the next page (null at the end) and how many match in all. */
export const userListSchema = z.object({ users: z.array(userSchema), ...listPageFields });

export const PEOPLE_SORTS = ['name', 'newest'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PEOPLE_STATUSES = ['active', 'disabled'] as const;

/** GET /api/users: search by name or e-mail, filter by role and status, by name or newest first. */
export const peopleQuerySchema = z.strictObject({
  q: searchTextSchema.optional(),
  role: roleSchema.optional(),
  status: z.enum(PEOPLE_STATUSES).optional(),
  sort: z.enum(PEOPLE_SORTS).default('name'),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

export const updateUserBodySchema = z.strictObject({
  name: personNameSchema.optional(),
  roles: z.array(roleSchema).max(5).optional(),
  disabled: z.boolean().optional(),
});

export const invitationSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  createdAt: instantSchema,
  expiresAt: instantSchema,
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

export const createInvitationBodySchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  roles: z.array(roleSchema).min(1, 'Choose at least one role.').max(5),
});
