import { z } from 'zod';
import { instantSchema } from './common.ts';
import { cursorSchema, listPageFields, searchTextSchema } from './list-query.ts';

/**
 * Every e-mail is recorded first, is 'sending' while SMTP has it, then is marked sent or failed.
 * A message left 'sending' (its server stopped mid-delivery) may have arrived; it is not resent.
 */
export const OUTBOX_STATUSES = ['recorded', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxMessageSchema = z.object({
  id: z.number(),
  toAddress: z.string(),
  toName: z.string(),
  subject: z.string(),
  textBody: z.string(),
  kind: z.string(),
  /** 'REQUEST' (an invitation or update) or 'CANCEL' when a calendar file is attached. */
  calendarMethod: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  error: z.string().nullable(),
  createdAt: instantSchema,
  sentAt: instantSchema.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
/** One page of messages, newest first, the cursor of the next page (null at the end) and how many match. */
export const outboxListSchema = z.object({
  messages: z.array(outboxMessageSchema),
  delivery: z.enum(['smtp', 'outbox-only']),
  ...listPageFields,
  /** Every kind of message the outbox holds (e.g. "invitation", "reminder.quiet"), for the filter. */
  kinds: z.array(z.string()),
});
/** GET /api/outbox: `to` is one exact address; `q` searches address, name and subject. */
export const outboxQuerySchema = z.strictObject({
  to: z.string().max(254).optional(),
  q: searchTextSchema.optional(),
  status: z.enum(OUTBOX_STATUSES).optional(),
  kind: z.string().trim().max(50).optional(),
  after: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type OutboxQuery = z.output<typeof outboxQuerySchema>;
