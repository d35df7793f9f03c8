import { appOrigin } from '../../config.ts';
import { DAY_MS, MINUTE_MS } from '../../time/clock.ts';
import type { JobContext, JobHandler, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { pruneFinishedJobs } from '../jobs/jobs.service.ts';
import { recordMail } from '../notifications/mail.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { PLAN_JOB_KIND, REMINDER_JOB_KINDS, reminderKindOfJob } from './reminder-kinds.ts';
import { reminderMails } from './reminder-mails.ts';
import { planReminders } from './reminder-planner.ts';
import { reminderVerdict } from './reminder.rules.ts';
import { findReminderMatch } from './reminders.store.ts';

/** How often reminders are planned: a new match, a logged contact or a sent-in goal sheet is seen within this. */
export const PLAN_EVERY_MS = 15 * MINUTE_MS;
/** Finished planning passes are kept this long (one row per pass), then forgotten. */
const KEEP_PLAN_ROWS_MS = 2 * DAY_MS;

/**
 * Sends one reminder: looks at the match as it is now and sends only if this exact reminder
 * (by its dedupe key) still applies; otherwise skips it and says why. The e-mails are recorded
 * in the job's transaction, so they exist if and only if the job is marked done.
 */
export const sendReminder: JobHandler = async ({ job, now, trx, deps }: JobContext): Promise<JobOutcome> => {
  if (reminderKindOfJob(job.kind) === null) throw new Error(`"${job.kind}" is not a reminder.`);
  if (job.matchId === null) return { status: 'skipped', reason: 'The match no longer exists.' };
  const settings = await findSettings(trx);
  if (!settings) throw new Error('Tandem has not been set up yet.');
  const match = await findReminderMatch(trx, job.matchId);
  if (!match) return { status: 'skipped', reason: 'The match no longer exists.' };

  const verdict = reminderVerdict(job.dedupeKey, match.facts, settings, now);
  if (!verdict.due) return { status: 'skipped', reason: verdict.reason };
  const drafts = reminderMails(
    verdict.reminder,
    {
      id: match.facts.matchId,
      matchedOn: calendarDateIn(settings.timeZone, new Date(match.facts.matchedAt)),
      mentor: match.mentor,
      mentee: match.mentee,
    },
    {
      programName: settings.programName,
      timeZone: settings.timeZone,
      goalSheetSubmitter: settings.goalSheetSubmitter,
      goalsPerSheetMin: settings.goalsPerSheetMin,
      goalsPerSheetMax: settings.goalsPerSheetMax,
      goalSheetContact: settings.goalSheetContact,
      origin: appOrigin(deps.config),
    },
    now,
  );
  if (drafts.length === 0) return { status: 'skipped', reason: 'Both accounts of the match are disabled.' };
  const outboxIds: number[] = [];
  for (const draft of drafts) outboxIds.push(await recordMail(trx, now, draft));
  return { status: 'done', outboxIds };
};

/** One planning pass (see reminder-planner.ts), then forgets old passes. */
export const planReminderJobs: JobHandler = async ({ now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const settings = await findSettings(trx);
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  const summary = await planReminders(trx, settings, now);
  await pruneFinishedJobs(trx, PLAN_JOB_KIND, new Date(now.getTime() - KEEP_PLAN_ROWS_MS));
  if (summary.added + summary.skipped + summary.moved + summary.revived > 0) deps.log.info({ ...summary }, 'reminders planned');
  return { status: 'done' };
};

export const reminderJobHandlers: JobHandlers = {
  ...Object.fromEntries(REMINDER_JOB_KINDS.map((kind) => [kind, sendReminder])),
  [PLAN_JOB_KIND]: planReminderJobs,
};

export const reminderRecurringJobs: readonly RecurringJob[] = [{ kind: PLAN_JOB_KIND, everyMs: PLAN_EVERY_MS, maxAttempts: 3 }];
