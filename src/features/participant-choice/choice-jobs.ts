import { DAY_MS, MINUTE_MS } from '../../time/clock.ts';
import type { JobContext, JobHandler, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { pruneFinishedJobs } from '../jobs/jobs.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { expireOverdueRequests } from './mentor-requests.service.ts';

/** The recurring job that lapses mentor requests nobody answered in time. */
export const EXPIRE_REQUESTS_JOB_KIND = 'mentor-requests.expire';
/** A lapsed request is closed (and the mentee told) within this of its time; pages show it lapsed at once. */
export const EXPIRE_REQUESTS_EVERY_MS = 15 * MINUTE_MS;

export const expireRequests: JobHandler = async ({ now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const settings = await findSettings(trx);
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  await pruneFinishedJobs(trx, EXPIRE_REQUESTS_JOB_KIND, new Date(now.getTime() - 2 * DAY_MS));
  return { status: 'done', outboxIds: await expireOverdueRequests(trx, deps, settings, now) };
};

export const choiceJobHandlers: JobHandlers = { [EXPIRE_REQUESTS_JOB_KIND]: expireRequests };
export const choiceRecurringJobs: RecurringJob[] = [{ kind: EXPIRE_REQUESTS_JOB_KIND, everyMs: EXPIRE_REQUESTS_EVERY_MS }];
