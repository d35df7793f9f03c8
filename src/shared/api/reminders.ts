import { z } from 'zod';
import { dateOnlySchema, instantSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, searchTextSchema } from './list-query.ts';

/**
 * Reminders Tandem e-mails to both people of a match. Each is planned ahead, checked again just
 * before it goes out, and sent once.
 */
export const REMINDER_KINDS = ['goal-sheet-due-7', 'goal-sheet-due-1', 'goal-sheet-overdue', 'quiet'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  'goal-sheet-due-7': 'Goal sheet due in a week',
  'goal-sheet-due-1': 'Goal sheet due tomorrow',
  'goal-sheet-overdue': 'Goal sheet overdue',
  quiet: 'No contact logged for a while',
};

/** What staff can ask to see; "sent" is a reminder whose e-mails were written. */
export const REMINDER_FILTERS = ['scheduled', 'sent', 'skipped', 'failed', 'cancelled'] as const;
export type ReminderFilter = (typeof REMINDER_FILTERS)[number];

export const REMINDER_FILTER_LABELS: Record<ReminderFilter, string> = {
  scheduled: 'Scheduled',
  sent: 'Sent',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "sending" is a scheduled reminder a worker is sending right now. */
export const REMINDER_STATUSES = ['scheduled', 'sending', 'sent', 'skipped', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

const personSchema = z.object({ id: z.number(), name: z.string() });

export const reminderSchema = z.object({
  id: z.number(),
  kind: z.enum(REMINDER_KINDS),
  kindLabel: z.string(),
  matchId: z.number(),
  periodName: z.string(),
  mentor: personSchema,
  mentee: personSchema,
  /** When it is (or was) due to go out. */
  runAt: instantSchema,
  /** The goal sheet's due date for goal-sheet reminders; null for the others. */
  dueOn: dateOnlySchema.nullable(),
  status: z.enum(REMINDER_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  /** Why the last attempt failed (for scheduled ones being retried, and failed ones). */
  lastError: z.string().nullable(),
  /** Why it was not sent, for a skipped one. */
  skipReason: z.string().nullable(),
  /** The first of its e-mails in the outbox, once sent. */
  outboxId: z.number().nullable(),
  finishedAt: instantSchema.nullable(),
  cancelledBy: personSchema.nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reminderListSchema = z.object({
  /** The program's time zone: reminders go out at 09:00 there. */
  timeZone: z.string(),
  /** One page, in the order asked for; `total` counts every reminder that matches. */
  reminders: z.array(reminderSchema),
  ...listPageFields,
  /** How many reminders each status has under the same search and kind (before the status filter). */
  counts: z.object({ scheduled: z.number(), sent: z.number(), skipped: z.number(), failed: z.number(), cancelled: z.number() }),
});
export type ReminderList = z.infer<typeof reminderListSchema>;

/**
 * The list's order: `soonest` and `latest` by when a reminder is (or was) due to go out;
 * `finished` most recently finished first (one not finished counts from when it was due).
 * Without `sort`: scheduled ones soonest first, the others most recently finished first.
 */
export const REMINDER_SORTS = ['soonest', 'latest', 'finished'] as const;
export type ReminderSort = (typeof REMINDER_SORTS)[number];

/** GET /api/reminders: `q` searches the mentor's and the mentee's names; `after` is the previous page's `nextCursor`. */
export const reminderQuerySchema = z.strictObject({
  status: z.enum(REMINDER_FILTERS).default('scheduled'),
  kind: z.enum(REMINDER_KINDS).optional(),
  q: searchTextSchema.optional(),
  sort: z.enum(REMINDER_SORTS).optional(),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type ReminderQuery = z.output<typeof reminderQuerySchema>;
