import { z } from 'zod';
import { RESPONDENT_ROLES } from '../surveys.ts';
import { instantSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, queryFlagSchema, searchTextSchema } from './list-query.ts';

/**
 * Who has not answered a survey yet (GET /api/surveys/:id/not-yet), for staff to nudge: searched,
 * filtered and a page at a time, in name order. Who and whether, never what anyone said.
 */

export const notYetPersonSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.enum(RESPONDENT_ROLES),
  invitedAt: instantSchema.nullable(),
  remindersSent: z.number(),
  /** They have a draft under way (not what is in it). */
  started: z.boolean(),
});
export type NotYetPerson = z.infer<typeof notYetPersonSchema>;

/** `started=true` keeps those with a draft under way, `false` those who have not begun. */
export const notYetQuerySchema = z.strictObject({
  /** Part of the person's name or e-mail address. */
  q: searchTextSchema.optional(),
  role: z.enum(RESPONDENT_ROLES).optional(),
  started: queryFlagSchema.optional(),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type NotYetQuery = z.output<typeof notYetQuerySchema>;

export const notYetListSchema = z.object({
  people: z.array(notYetPersonSchema),
  ...listPageFields,
});
export type NotYetList = z.infer<typeof notYetListSchema>;
