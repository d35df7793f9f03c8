import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { REMINDER_FILTERS, REMINDER_KIND_LABELS } from '../../shared/api/reminders.ts';
import type { Reminder, ReminderFilter, ReminderList, ReminderQuery, ReminderStatus } from '../../shared/api/reminders.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { JobStatus } from '../jobs/job.types.ts';
import { cancelScheduledJob } from '../jobs/jobs.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { jobKindOf, REMINDER_JOB_KINDS, reminderKindOfJob } from './reminder-kinds.ts';
import { parseReminderKey } from './reminder.rules.ts';
import { countRemindersByStatus, findReminder, searchReminders } from './reminders.store.ts';
import type { ReminderRecord } from './reminders.store.ts';

const STATUSES_SHOWN: Record<ReminderFilter, readonly JobStatus[]> = {
  scheduled: ['scheduled', 'running'],
  sent: ['done'],
  skipped: ['skipped'],
  failed: ['failed'],
  cancelled: ['cancelled'],
};

const STATUS_VIEW: Record<JobStatus, ReminderStatus> = {
  scheduled: 'scheduled',
  running: 'sending',
  done: 'sent',
  skipped: 'skipped',
  failed: 'failed',
  cancelled: 'cancelled',
};

function view(r: ReminderRecord): Reminder {
  const kind = reminderKindOfJob(r.jobKind) ?? 'quiet';
  const key = parseReminderKey(r.dedupeKey);
  return {
    id: r.id,
    kind,
    kindLabel: REMINDER_KIND_LABELS[kind],
    matchId: r.matchId,
    periodName: r.periodName,
    mentor: r.mentor,
    mentee: r.mentee,
    runAt: r.runAt,
    dueOn: kind !== 'quiet' && key ? key.date : null,
    status: STATUS_VIEW[r.status],
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    // The job's last_error holds a skip's reason too; each goes to its own field.
    lastError: r.status === 'skipped' ? null : r.lastError,
    skipReason: r.status === 'skipped' ? r.lastError : null,
    outboxId: r.outboxId,
    finishedAt: r.finishedAt,
    cancelledBy: r.cancelledBy,
  };
}

/**
 * Staff: reminders in one status, searched by the pair's names and filtered by kind, a page at a
 * time, with how many each status has under the same search. Waiting ones come soonest first and
 * finished ones most recent first, unless another order is asked for.
 */
export async function listReminderViews(
  deps: Pick<Deps, 'db'>,
  q: Pick<ReminderQuery, 'status' | 'limit'> & Partial<Omit<ReminderQuery, 'status' | 'limit'>>,
): Promise<ReminderList> {
  const settings = await getSettings(deps);
  const filter = { q: q.q || undefined, jobKinds: q.kind ? [jobKindOf(q.kind)] : undefined };
  const [page, byStatus] = await Promise.all([
    searchReminders(deps.db, {
      ...filter,
      statuses: STATUSES_SHOWN[q.status],
      order: q.sort ?? (q.status === 'scheduled' ? 'soonest' : 'finished'),
      after: q.after,
      limit: q.limit,
    }),
    countRemindersByStatus(deps.db, filter),
  ]);
  const counts = Object.fromEntries(
    REMINDER_FILTERS.map((f) => [f, STATUSES_SHOWN[f].reduce((n, status) => n + (byStatus.get(status) ?? 0), 0)]),
  ) as Record<ReminderFilter, number>;
  return { timeZone: settings.timeZone, reminders: page.reminders.map(view), nextCursor: page.nextCursor, total: counts[q.status], counts };
}

const NOT_CANCELLABLE: Record<Exclude<JobStatus, 'scheduled'>, string> = {
  running: 'This reminder is being sent right now, so it can no longer be cancelled.',
  done: 'This reminder has already been sent, so it can no longer be cancelled.',
  skipped: 'This reminder was skipped because it no longer applied; there is nothing to cancel.',
  failed: 'This reminder could not be sent and will not be tried again; there is nothing to cancel.',
  cancelled: 'This reminder is already cancelled.',
};

/**
 * Staff stop a reminder before it goes out. Only a waiting one: the update is conditional, so a
 * worker claiming it at the same moment either gets it first (and this answers 409) or finds it
 * cancelled. A cancelled reminder is never planned again: its dedupe key stays taken.
 */
export async function cancelReminder(deps: Deps, actor: Actor, id: number): Promise<Reminder> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const reminder = await deps.db.transaction().execute(async (trx) => {
    if (!(await cancelScheduledJob(trx, id, REMINDER_JOB_KINDS, actor.userId, now))) {
      const current = await findReminder(trx, id);
      if (!current) throw new NotFoundError('reminder');
      if (current.status === 'scheduled')
        throw new ConflictError('REMINDER_CHANGED', 'This reminder changed while you were cancelling it. Reload the list and try again.');
      throw new ConflictError('REMINDER_NOT_SCHEDULED', NOT_CANCELLABLE[current.status]);
    }
    const cancelled = await findReminder(trx, id);
    if (!cancelled) throw new NotFoundError('reminder');
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'reminder.cancelled',
      entityType: 'reminder',
      entityId: id,
      details: { kind: reminderKindOfJob(cancelled.jobKind), matchId: cancelled.matchId, runAt: cancelled.runAt },
      at,
    });
    return cancelled;
  });
  return view(reminder);
}
