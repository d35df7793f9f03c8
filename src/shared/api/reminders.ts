import { z } from 'zod';
import { dateOnlySchema, instantSchema } from './common.ts';

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
  reminders: z.array(reminderSchema),
});
export type ReminderList = z.infer<typeof reminderListSchema>;

export const reminderQuerySchema = z.strictObject({
  status: z.enum(REMINDER_FILTERS).default('scheduled'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
