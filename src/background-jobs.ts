import type { Deps } from './deps.ts';
import { JobRunner } from './features/jobs/job-runner.ts';
import type { JobRunnerOptions } from './features/jobs/job-runner.ts';
import { choiceJobHandlers, choiceRecurringJobs } from './features/participant-choice/choice-jobs.ts';
import { backupJobHandlers, backupRecurringJobs } from './features/backup/backup-jobs.ts';
import { eventJobHandlers, eventRecurringJobs } from './features/events/event-jobs.ts';
import { surveyJobHandlers, surveyRecurringJobs } from './features/surveys/survey-jobs.ts';
import { liaisonJobHandlers, liaisonRecurringJobs } from './features/liaisons/liaison-jobs.ts';
import { reminderJobHandlers, reminderRecurringJobs } from './features/reminders/reminder-jobs.ts';
import { outboxJobHandlers, outboxRecurringJobs } from './features/notifications/outbox-jobs.ts';

/**
 * Every kind of background job the app has, in one place: a feature with jobs exports its
 * handlers (and recurring jobs) and they are registered here, so the generic queue in
 * features/jobs knows none of its clients, and every worker knows them all.
 */
export function createJobRunner(deps: Deps, options: Partial<JobRunnerOptions> = {}): JobRunner {
  return new JobRunner(deps, {
    handlers: {
      ...reminderJobHandlers,
      ...liaisonJobHandlers,
      ...eventJobHandlers,
      ...surveyJobHandlers,
      ...choiceJobHandlers,
      ...backupJobHandlers,
      ...outboxJobHandlers,
    },
    recurring: [
      ...reminderRecurringJobs,
      ...liaisonRecurringJobs,
      ...eventRecurringJobs,
      ...surveyRecurringJobs,
      ...choiceRecurringJobs,
      ...backupRecurringJobs,
      ...outboxRecurringJobs,
    ],
    ...options,
  });
}

/** The worker an app instance runs beside its web server, or null when RUN_JOBS=false. */
export function startJobWorker(deps: Deps): JobRunner | null {
  if (!deps.config.runJobs) return null;
  const runner = createJobRunner(deps);
  runner.start();
  return runner;
}
