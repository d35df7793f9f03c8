import { z } from 'zod';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, searchTextSchema } from './list-query.ts';

export const auditEntrySchema = z.object({
  id: z.number(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The record's name when it is a person or a period (so the log reads "Amara Mensah", not "user #12"). */
  entityName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: instantSchema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** One page of entries, newest first, the cursor of the next page (null at the end) and how many match. */
export const auditListSchema = z.object({
  entries: z.array(auditEntrySchema),
  ...listPageFields,
  /** Every action the log holds, for the filter (whatever the search). */
  actions: z.array(z.string()),
});
/**
 * GET /api/audit: `q` searches the action and the actor's name; `actor` the actor's name alone;
 * `action` and `actorId` filter exactly; `from` and `to` are days (UTC), both included. `before` (an entry id) is the older
 * way to page, `after` the cursor from `nextCursor`.
 */
export const auditQuerySchema = z
  .strictObject({
    q: searchTextSchema.optional(),
    actor: searchTextSchema.optional(),
    action: z.string().trim().max(80).optional(),
    actorId: z.coerce.number().pipe(rowIdSchema).optional(),
    from: dateOnlySchema.optional(),
    to: dateOnlySchema.optional(),
    after: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The first day comes after the last.', path: ['to'] });
export type AuditQuery = z.output<typeof auditQuerySchema>;
