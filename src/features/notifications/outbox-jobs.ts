import { HOUR_MS, MINUTE_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import type { JobContext, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { pruneFinishedJobs } from '../jobs/jobs.service.ts';
import { strandedOutboxIds } from './outbox.store.ts';

/** The recurring job that sends e-mail its sender recorded but never handed to SMTP. */
export const STRANDED_MAIL_JOB_KIND = 'outbox.stranded';
const EVERY_MS = MINUTE_MS;
/** At most this many a pass: a backlog drains over a few minutes rather than in one long job. */
const PER_PASS = 200;

/**
 * Every message is recorded in the transaction that caused it and handed to SMTP right after
 * commit. An instance that stops in between (a crash, a deploy's SIGKILL) leaves it 'recorded'.
 * Once it is older than a job lease, no live sender is still about to deliver it: this job
 * returns those ids, and the job runner delivers them after commit, each claimed first, so
 * nothing goes out twice. With no SMTP server configured the outbox is the delivery: nothing to do.
 */
export async function sendStrandedMail({ now, trx, deps }: JobContext): Promise<JobOutcome> {
  await pruneFinishedJobs(trx, STRANDED_MAIL_JOB_KIND, new Date(now.getTime() - HOUR_MS));
  if (deps.mailer.delivery === 'outbox-only') return { status: 'skipped', reason: 'No SMTP server is configured.' };
  const ids = await strandedOutboxIds(trx, toInstant(new Date(now.getTime() - deps.config.jobLeaseMs)), PER_PASS);
  if (ids.length === 0) return { status: 'skipped', reason: 'No e-mail was waiting.' };
  deps.log.warn({ messages: ids.length }, 'sending e-mail whose sender stopped before handing it to SMTP');
  return { status: 'done', outboxIds: ids };
}

export const outboxJobHandlers: JobHandlers = { [STRANDED_MAIL_JOB_KIND]: sendStrandedMail };
export const outboxRecurringJobs: readonly RecurringJob[] = [{ kind: STRANDED_MAIL_JOB_KIND, everyMs: EVERY_MS, maxAttempts: 3 }];
