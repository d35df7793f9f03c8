import { z } from 'zod';
import { appOrigin } from '../../config.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { DAY_MS, MINUTE_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import type { JobContext, JobHandler, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { enqueueMany, PEOPLE_PER_JOB, pruneFinishedJobs, queueNextBatch } from '../jobs/jobs.service.ts';
import { recordMail, recordMails } from '../notifications/mail.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { findSurveyInvitation, listOwedReminder, markMailed, markReminded } from './survey-invitations.store.ts';
import { surveyInvitationMail, surveyReminderMail } from './survey-mails.ts';
import { REMINDER_ROUNDS, reminderRoundsDue, roundsBefore, surveyState } from './survey.rules.ts';
import type { ReminderRound } from './survey.rules.ts';
import { inviteSurveyAudience, SURVEY_INVITE_JOB_KIND } from './surveys.service.ts';
import { findSurvey, listSurveysOpenOn } from './surveys.store.ts';

export const SURVEYS_PLAN_JOB_KIND = 'surveys.plan';
export const SURVEY_REMINDER_JOB_KIND = 'survey.reminder';
/** How often the planner opens surveys whose day has come, invites newcomers and queues reminders. */
export const SURVEYS_PLAN_EVERY_MS = 5 * MINUTE_MS;
const KEEP_PLAN_ROWS_MS = 2 * DAY_MS;

const invitePayload = z.object({ surveyId: z.number().int().positive(), userId: z.number().int().positive() });
const reminderPayload = z.object({
  surveyId: z.number().int().positive(),
  round: z.enum(REMINDER_ROUNDS.map((r) => r.round) as [ReminderRound, ...ReminderRound[]]),
  /** Which batch of the round this is (the planner queues the first, 0; each queues the next). */
  batch: z.number().int().min(0).default(0),
});

/** A reminder round's job; its later batches add their number. */
const reminderKey = (surveyId: number, round: ReminderRound) => `survey:${surveyId}:reminder:${round}`;

const formUrlOf = (origin: string, surveyId: number) => `${origin}/surveys/${surveyId}`;

/**
 * One person's invitation. "Mailed" is set by a conditional update in the same transaction as the
 * outbox row: a second worker or a retried job sends nothing. Nobody who already answered, and
 * nothing once the survey has closed.
 */
export const sendSurveyInvitation: JobHandler = async ({ job, now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const payload = invitePayload.safeParse(job.payload);
  if (!payload.success) throw new Error('A survey invitation job without its survey and person.');
  const { surveyId, userId } = payload.data;
  const [survey, invitation, settings] = await Promise.all([
    findSurvey(trx, surveyId),
    findSurveyInvitation(trx, surveyId, userId),
    findSettings(trx),
  ]);
  if (!survey || !invitation) return { status: 'skipped', reason: 'The survey or the invitation no longer exists.' };
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  if (invitation.disabled) return { status: 'skipped', reason: 'The person’s account is disabled.' };
  if (surveyState(survey, settings.timeZone, now) !== 'open') return { status: 'skipped', reason: 'The survey is not open.' };
  if (!(await markMailed(trx, invitation.id, toInstant(now)))) return { status: 'skipped', reason: 'Already sent, or they have answered.' };
  const mail = surveyInvitationMail({
    programName: settings.programName,
    to: { address: invitation.email, name: invitation.name },
    survey,
    formUrl: formUrlOf(appOrigin(deps.config), surveyId),
    minGroupSize: settings.surveyMinGroupSize,
  });
  return { status: 'done', outboxIds: [await recordMail(trx, now, mail)] };
};

/**
 * Every few minutes: for each open survey, invites people who joined its audience (a new match,
 * or the survey's first day) and queues the latest reminder round that has come due. Dedupe keys
 * make a second planner, on another instance, a no-op.
 */
export const planSurveys: JobHandler = async ({ now, trx }: JobContext): Promise<JobOutcome> => {
  const settings = await findSettings(trx);
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  const today = calendarDateIn(settings.timeZone, now);
  const reminders = [];
  for (const survey of await listSurveysOpenOn(trx, today)) {
    if (surveyState(survey, settings.timeZone, now) !== 'open') continue;
    await inviteSurveyAudience(trx, survey, now);
    const round = reminderRoundsDue(survey, today).at(-1);
    if (round) {
      reminders.push({
        kind: SURVEY_REMINDER_JOB_KIND,
        dedupeKey: reminderKey(survey.id, round),
        runAt: now,
        maxAttempts: 3,
        payload: { surveyId: survey.id, round },
      });
    }
  }
  await enqueueMany(trx, now, reminders);
  await pruneFinishedJobs(trx, SURVEYS_PLAN_JOB_KIND, new Date(now.getTime() - KEEP_PLAN_ROWS_MS));
  return { status: 'done' };
};

/**
 * One reminder round to everyone who has not answered and has not had this round (or a later
 * one), a batch per job: a job mails up to PEOPLE_PER_JOB of them and, when more are owed,
 * queues the next batch, so a round of 23,000 never holds the database and the server for seconds.
 * Each person is marked in the same transaction as their message, by a conditional update that
 * also checks they still have not answered: each round reaches each person once, and never
 * someone who answered.
 */
export const sendSurveyReminders: JobHandler = async ({ job, now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const payload = reminderPayload.safeParse(job.payload);
  if (!payload.success) throw new Error('A survey reminder job without its survey and round.');
  const { surveyId, round, batch } = payload.data;
  const [survey, settings] = await Promise.all([findSurvey(trx, surveyId), findSettings(trx)]);
  if (!survey) return { status: 'skipped', reason: 'The survey no longer exists.' };
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  if (surveyState(survey, settings.timeZone, now) !== 'open') return { status: 'skipped', reason: 'The survey is not open.' };
  const earlier = roundsBefore(round);
  const formUrl = formUrlOf(appOrigin(deps.config), surveyId);
  const owed = await listOwedReminder(trx, surveyId, earlier, PEOPLE_PER_JOB + 1);
  const batchOf = owed.slice(0, PEOPLE_PER_JOB);
  const marked = await markReminded(
    trx,
    batchOf.map((i) => i.id),
    round,
    earlier,
  );
  const outboxIds = await recordMails(
    trx,
    now,
    batchOf
      .filter((i) => marked.has(i.id))
      .map((i) =>
        surveyReminderMail({
          programName: settings.programName,
          to: { address: i.email, name: i.name },
          survey,
          formUrl,
          minGroupSize: settings.surveyMinGroupSize,
          startedAlready: i.draftSavedAt !== null,
        }),
      ),
  );
  const more = owed.length > PEOPLE_PER_JOB;
  if (more) {
    const roundKey = reminderKey(surveyId, round);
    await queueNextBatch(trx, now, { kind: SURVEY_REMINDER_JOB_KIND, roundKey, batch: batch + 1, payload: { surveyId, round } });
  }
  if (outboxIds.length === 0 && !more) return { status: 'skipped', reason: 'Everyone has answered or was reminded already.' };
  return { status: 'done', outboxIds, queuedMore: more };
};

export const surveyJobHandlers: JobHandlers = {
  [SURVEY_INVITE_JOB_KIND]: sendSurveyInvitation,
  [SURVEYS_PLAN_JOB_KIND]: planSurveys,
  [SURVEY_REMINDER_JOB_KIND]: sendSurveyReminders,
};

export const surveyRecurringJobs: readonly RecurringJob[] = [
  { kind: SURVEYS_PLAN_JOB_KIND, everyMs: SURVEYS_PLAN_EVERY_MS, maxAttempts: 3 },
];
