import { z } from 'zod';
import { appOrigin } from '../../config.ts';
import { DAY_MS, HOUR_MS } from '../../time/clock.ts';
import { findUserById } from '../accounts/people.service.ts';
import type { JobContext, JobHandler, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { enqueueMany, pruneFinishedJobs } from '../jobs/jobs.service.ts';
import { todayIn } from '../matches/match-dates.rules.ts';
import { recordMail } from '../notifications/mail.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { listLiaisonMatches } from '../program-health/program-health.service.ts';
import { weeklyDigestMail } from './liaison-mails.ts';
import { digestDedupeKey, digestDue, digestSelection, digestWeek } from './liaison.rules.ts';
import { listActiveLiaisonIds } from './liaisons.store.ts';

/** The recurring job that plans this week's liaison e-mails, and the job that sends one. */
export const DIGEST_PLAN_JOB_KIND = 'liaisons.plan-weekly';
export const DIGEST_JOB_KIND = 'liaison.weekly-digest';
/** How often the planner looks: the Monday e-mails go out within this of their time. */
export const DIGEST_PLAN_EVERY_MS = HOUR_MS;
const KEEP_PLAN_ROWS_MS = 2 * DAY_MS;
const DIGEST_MAX_ATTEMPTS = 5;

const digestPayloadSchema = z.object({ liaisonUserId: z.number().int().positive(), week: z.string() });

/**
 * On Monday, once the sending time (08:00 in the program's time zone) has come, adds one job per
 * liaison with active pairs (a day late at most: a Monday e-mail on Thursday would be news to no
 * one). The dedupe key holds the liaison and the ISO week, so
 * however often this runs, and on however many instances, each liaison gets one job a week.
 */
export const planWeeklyDigests: JobHandler = async ({ now, trx }: JobContext): Promise<JobOutcome> => {
  const settings = await findSettings(trx);
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  const { week, sendAt } = digestWeek(todayIn(settings.timeZone, now), settings.timeZone);
  await pruneFinishedJobs(trx, DIGEST_PLAN_JOB_KIND, new Date(now.getTime() - KEEP_PLAN_ROWS_MS));
  if (!digestDue(sendAt, now)) return { status: 'done' };
  const liaisons = await listActiveLiaisonIds(trx);
  await enqueueMany(
    trx,
    now,
    liaisons.map((liaisonUserId) => ({
      kind: DIGEST_JOB_KIND,
      dedupeKey: digestDedupeKey(liaisonUserId, week),
      runAt: sendAt,
      maxAttempts: DIGEST_MAX_ATTEMPTS,
      payload: { liaisonUserId, week },
    })),
  );
  return { status: 'done' };
};

/**
 * One liaison's weekly e-mail: the pairs that need attention as they are now. Nothing needs
 * attention, nothing is sent (the job says why). A job more than a day late is dropped.
 */
export const sendWeeklyDigest: JobHandler = async ({ job, now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const payload = digestPayloadSchema.safeParse(job.payload);
  if (!payload.success) throw new Error('A weekly liaison e-mail job without its liaison and week.');
  const settings = await findSettings(trx);
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  const { liaisonUserId, week } = payload.data;
  if (!digestDue(new Date(job.runAt), now))
    return { status: 'skipped', reason: `Too late for the e-mail of ${week}: it goes out on Mondays.` };
  const liaison = await findUserById(trx, liaisonUserId);
  if (!liaison || liaison.disabled) return { status: 'skipped', reason: 'The liaison’s account is disabled or gone.' };
  if (!liaison.roles.includes('committee')) return { status: 'skipped', reason: 'The liaison is no longer on the matching committee.' };
  const { matches } = await listLiaisonMatches({ db: trx, clock: { now: () => now } }, liaisonUserId);
  const pairs = digestSelection(matches);
  if (pairs.length === 0) return { status: 'skipped', reason: 'Nothing needs attention this week.' };
  const outboxId = await recordMail(
    trx,
    now,
    weeklyDigestMail({
      programName: settings.programName,
      origin: appOrigin(deps.config),
      to: { address: liaison.email, name: liaison.name },
      pairs,
    }),
  );
  return { status: 'done', outboxIds: [outboxId] };
};

export const liaisonJobHandlers: JobHandlers = {
  [DIGEST_PLAN_JOB_KIND]: planWeeklyDigests,
  [DIGEST_JOB_KIND]: sendWeeklyDigest,
};

export const liaisonRecurringJobs: readonly RecurringJob[] = [
  { kind: DIGEST_PLAN_JOB_KIND, everyMs: DIGEST_PLAN_EVERY_MS, maxAttempts: 3 },
];
