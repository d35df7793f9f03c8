import { DAY_MS, HOUR_MS } from '../../time/clock.ts';
import type { JobContext, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { pruneFinishedJobs } from '../jobs/jobs.service.ts';
import { findBackupSchedule } from './backup.store.ts';
import { scheduledBackupDue, startScheduledBackup } from './scheduled-backups.ts';

/** The recurring job that takes the scheduled backup once a day. */
export const SCHEDULED_BACKUP_JOB_KIND = 'backups.scheduled';

/**
 * Checks hourly whether a backup is due and, if so, starts it. The backup itself runs outside
 * the job's transaction: a job holds its transaction open until it finishes, which on SQLite
 * would hold the app's one connection (and the write lock) for as long as the backup takes.
 */
export async function scheduledBackup({ now, trx, deps }: JobContext): Promise<JobOutcome> {
  await pruneFinishedJobs(trx, SCHEDULED_BACKUP_JOB_KIND, new Date(now.getTime() - 2 * DAY_MS));
  const schedule = await findBackupSchedule(trx);
  const notDue = await scheduledBackupDue(deps.config, schedule, now);
  if (notDue) return { status: 'skipped', reason: notDue };
  startScheduledBackup(deps, schedule, now);
  return { status: 'done' };
}

export const backupJobHandlers: JobHandlers = { [SCHEDULED_BACKUP_JOB_KIND]: scheduledBackup };
export const backupRecurringJobs: RecurringJob[] = [{ kind: SCHEDULED_BACKUP_JOB_KIND, everyMs: HOUR_MS }];
