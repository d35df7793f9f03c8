import { REMINDER_KINDS } from '../../shared/api/reminders.ts';
import type { ReminderKind } from '../../shared/api/reminders.ts';

/**
 * Reminder kinds as the job queue names them ("reminder.quiet"), and the planner's own job. Job
 * kinds and outbox kinds are the same string, so a sent reminder's e-mails are easy to find.
 */
export const jobKindOf = (kind: ReminderKind): string => `reminder.${kind}`;

export const REMINDER_JOB_KINDS: readonly string[] = REMINDER_KINDS.map(jobKindOf);

export function reminderKindOfJob(jobKind: string): ReminderKind | null {
  const kind = jobKind.startsWith('reminder.') ? jobKind.slice('reminder.'.length) : '';
  return (REMINDER_KINDS as readonly string[]).includes(kind) ? (kind as ReminderKind) : null;
}

/** The recurring job that plans reminders. */
export const PLAN_JOB_KIND = 'reminders.plan';
