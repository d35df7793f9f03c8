import type { Executor } from '../../db/executor.ts';
import { enqueueMany, jobsByDedupeKey, rescheduleUntriedJob, reviveSkippedJob, skipScheduledJob } from '../jobs/jobs.service.ts';
import type { NewJob } from '../jobs/jobs.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { jobKindOf } from './reminder-kinds.ts';
import { plannedReminders, reminderVerdict } from './reminder.rules.ts';
import type { PlannedReminder, ReminderFacts } from './reminder.rules.ts';
import { listPlanningFacts, listScheduledReminderJobs } from './reminders.store.ts';

/** Attempts a reminder gets before it is marked failed: with the backoff, about 2.5 hours of retries. */
export const REMINDER_MAX_ATTEMPTS = 5;

export interface PlanSummary {
  /** Reminders that should exist now (not yet sent, not more than a day late). */
  planned: number;
  /** Of those, how many were new. */
  added: number;
  /** Waiting reminders that no longer apply, marked skipped now rather than at their time. */
  skipped: number;
  /** Waiting reminders whose time changed (the program's time zone changed). */
  moved: number;
  /** Reminders skipped ahead of their time that apply again (e.g. a setting was changed back). */
  revived: number;
}

export function reminderJob(r: PlannedReminder): NewJob {
  return {
    kind: jobKindOf(r.kind),
    dedupeKey: r.dedupeKey,
    runAt: r.runAt,
    matchId: r.matchId,
    maxAttempts: REMINDER_MAX_ATTEMPTS,
    payload: { dueOn: r.dueOn, since: r.since, weeks: r.weeks },
  };
}

/**
 * One planning pass over the whole program: adds the reminders each match should get and does
 * not have yet, and tidies the waiting ones (skips those that no longer apply, moves those
 * whose time changed, brings back ones skipped early that apply again), so the staff's list of
 * scheduled reminders tells the truth. A cancelled reminder stays cancelled: its key is taken. Safe to run
 * on several instances at once: enqueuing is idempotent by dedupe key, and every change to a
 * waiting reminder is conditional on it still waiting. A few queries whatever the number of
 * matches.
 */
export async function planReminders(db: Executor, settings: ProgramSettings, now: Date): Promise<PlanSummary> {
  const facts = await listPlanningFacts(db);
  const byMatch = new Map<number, ReminderFacts>(facts.map((f) => [f.matchId, f]));

  let skipped = 0;
  let moved = 0;
  for (const job of await listScheduledReminderJobs(db)) {
    const f = byMatch.get(job.matchId);
    if (!f) continue;
    const verdict = reminderVerdict(job.dedupeKey, f, settings, now);
    if (!verdict.due) {
      // One whose time has come is left to the worker, which checks it the same way and says why.
      if (new Date(job.runAt).getTime() > now.getTime() && (await skipScheduledJob(db, job.id, verdict.reason, now))) skipped += 1;
    } else if (job.attempts === 0 && verdict.reminder.runAt !== job.runAt) {
      if (await rescheduleUntriedJob(db, job.id, new Date(verdict.reminder.runAt), now)) moved += 1;
    }
  }

  const planned = facts.flatMap((f) => plannedReminders(f, settings, now));
  const existing = await jobsByDedupeKey(
    db,
    planned.map((r) => r.dedupeKey),
  );
  let revived = 0;
  for (const r of planned) {
    const job = existing.get(r.dedupeKey);
    if (job?.status === 'skipped' && (await reviveSkippedJob(db, job.id, now))) revived += 1;
  }
  const added = await enqueueMany(db, now, planned.filter((r) => !existing.has(r.dedupeKey)).map(reminderJob));
  return { planned: planned.length, added, skipped, moved, revived };
}
