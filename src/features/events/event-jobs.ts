import { z } from 'zod';
import { appOrigin } from '../../config.ts';
import { DAY_MS, MINUTE_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { newToken, hashToken } from '../accounts/tokens.ts';
import type { JobContext, JobHandler, JobHandlers, JobOutcome, RecurringJob } from '../jobs/job-handler.ts';
import { enqueueMany, PEOPLE_PER_JOB, pruneFinishedJobs, queueNextBatch } from '../jobs/jobs.service.ts';
import { recordMail, recordMails } from '../notifications/mail.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { REMINDERS, remindersDue } from './event.rules.ts';
import { eventInvitationIcs, organizerFrom } from './event-calendar.ts';
import { cancellationMail, invitationMail, reminderMail, updateMail } from './event-mails.ts';
import { findInvitation, insertRsvpLink, listToRemind, markSent } from './event-invitations.store.ts';
import { calendarEventOf, mailEventOf } from './event-view.ts';
import { EVENT_MAIL_JOB_KIND, inviteAudience } from './events.service.ts';
import { findEvent, listOpenPublishedEvents } from './events.store.ts';

export const EVENTS_PLAN_JOB_KIND = 'events.plan';
export const EVENT_REMINDER_JOB_KIND = 'event.reminder';
/** How often the planner looks for new audience members and due reminders. */
export const EVENTS_PLAN_EVERY_MS = 5 * MINUTE_MS;
const KEEP_PLAN_ROWS_MS = 2 * DAY_MS;

const mailPayload = z.object({ eventId: z.number().int().positive(), userId: z.number().int().positive() });
const reminderPayload = z.object({
  eventId: z.number().int().positive(),
  which: z.enum(['day', 'hour']),
  startsAt: z.string(),
  /** Which batch of the reminder this is (the planner queues the first, 0), and where it starts. */
  batch: z.number().int().min(0).default(0),
  afterId: z.number().int().min(0).default(0),
});

/** A reminder's job; its later batches add their number. */
const reminderKey = (eventId: number, which: string, startsAt: string) => `event:${eventId}:reminder:${which}:${startsAt}`;

/**
 * Sends one person what they have not been told yet about one event: the invitation, an update,
 * or the cancellation, with its calendar file. "Told" is recorded on the invitation in the same
 * transaction, by a conditional update: two workers, or a retried job, send it once.
 */
export const sendEventMail: JobHandler = async ({ job, now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const payload = mailPayload.safeParse(job.payload);
  if (!payload.success) throw new Error('An event e-mail job without its event and person.');
  const { eventId, userId } = payload.data;
  const [event, invitation, settings] = await Promise.all([
    findEvent(trx, eventId),
    findInvitation(trx, eventId, userId),
    findSettings(trx),
  ]);
  if (!event || !invitation) return { status: 'skipped', reason: 'The event or the invitation no longer exists.' };
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  if (invitation.disabled) return { status: 'skipped', reason: 'The person’s account is disabled.' };
  if (invitation.sentSequence !== null && invitation.sentSequence >= event.sequence) {
    return { status: 'skipped', reason: 'They already have this version of the event.' };
  }
  const cancelled = event.status === 'cancelled';
  if (cancelled && invitation.sentSequence === null) return { status: 'skipped', reason: 'Cancelled before they were told of it.' };
  if (!cancelled && Date.parse(event.startsAt) <= now.getTime()) return { status: 'skipped', reason: 'The event has already started.' };
  if (event.status === 'draft') return { status: 'skipped', reason: 'The event is a draft again.' };
  if (!(await markSent(trx, invitation.id, event.sequence))) return { status: 'skipped', reason: 'Another worker sent it.' };

  const origin = appOrigin(deps.config);
  const to = { address: invitation.email, name: invitation.name };
  const ics = eventInvitationIcs({
    programName: settings.programName,
    method: cancelled ? 'CANCEL' : 'REQUEST',
    event: calendarEventOf(event, origin),
    organizer: organizerFrom(deps.config.mailFrom, settings.programName),
    attendee: { name: invitation.name, email: invitation.email, state: invitation.rsvp },
  });
  const mailEvent = mailEventOf(event, origin);
  let draft;
  if (cancelled) {
    draft = cancellationMail({ programName: settings.programName, to, event: mailEvent, ics });
  } else {
    // A fresh one-click link for each message; only its hash is kept.
    const token = newToken();
    await insertRsvpLink(trx, invitation.id, hashToken(token), toInstant(now));
    const rsvpUrl = `${origin}/rsvp/${token}`;
    draft =
      invitation.sentSequence === null
        ? invitationMail({ programName: settings.programName, to, event: mailEvent, rsvpUrl, ics })
        : updateMail({ programName: settings.programName, to, event: mailEvent, rsvpUrl, ics });
  }
  return { status: 'done', outboxIds: [await recordMail(trx, now, draft)] };
};

/**
 * Every few minutes: invites people who joined an upcoming event's audience since it was
 * published (a new match), and queues the reminders that have come due. Dedupe keys make a
 * second planner, on another instance, a no-op.
 */
export const planEvents: JobHandler = async ({ now, trx }: JobContext): Promise<JobOutcome> => {
  const events = (await listOpenPublishedEvents(trx, toInstant(now))).filter((e) => Date.parse(e.startsAt) > now.getTime());
  const reminders = [];
  for (const event of events) {
    await inviteAudience(trx, event, event.sequence, now);
    for (const r of remindersDue(new Date(event.startsAt), now)) {
      reminders.push({
        kind: EVENT_REMINDER_JOB_KIND,
        dedupeKey: reminderKey(event.id, r.which, event.startsAt),
        runAt: now,
        maxAttempts: 3,
        payload: { eventId: event.id, which: r.which, startsAt: event.startsAt },
      });
    }
  }
  await enqueueMany(trx, now, reminders);
  await pruneFinishedJobs(trx, EVENTS_PLAN_JOB_KIND, new Date(now.getTime() - KEEP_PLAN_ROWS_MS));
  return { status: 'done' };
};

/**
 * A reminder to everyone who said yes or maybe, unless the event moved, was cancelled or began: a
 * batch of PEOPLE_PER_JOB per job, in invitation order, each job queuing the next (a big event's
 * thousands in one transaction held the server for seconds).
 */
export const sendEventReminder: JobHandler = async ({ job, now, trx, deps }: JobContext): Promise<JobOutcome> => {
  const payload = reminderPayload.safeParse(job.payload);
  if (!payload.success) throw new Error('An event reminder job without its event.');
  const { eventId, which, startsAt, batch, afterId } = payload.data;
  const [event, settings] = await Promise.all([findEvent(trx, eventId), findSettings(trx)]);
  if (!event || event.status !== 'published') return { status: 'skipped', reason: 'The event was cancelled or removed.' };
  if (!settings) return { status: 'skipped', reason: 'Tandem has not been set up yet.' };
  if (event.startsAt !== startsAt) return { status: 'skipped', reason: 'The event moved; its new time has its own reminders.' };
  if (Date.parse(event.startsAt) <= now.getTime()) return { status: 'skipped', reason: 'The event has already started.' };
  const words = REMINDERS.find((r) => r.which === which)!.words;
  const mailEvent = mailEventOf(event, appOrigin(deps.config));
  const found = await listToRemind(trx, eventId, afterId, PEOPLE_PER_JOB + 1);
  const people = found.slice(0, PEOPLE_PER_JOB);
  if (people.length === 0) return { status: 'skipped', reason: batch === 0 ? 'Nobody has said yes or maybe.' : 'Nobody left to remind.' };
  const outboxIds = await recordMails(
    trx,
    now,
    people.map((p) => reminderMail({ programName: settings.programName, to: { address: p.email, name: p.name }, event: mailEvent, words })),
  );
  const more = found.length > PEOPLE_PER_JOB;
  if (more) {
    await queueNextBatch(trx, now, {
      kind: EVENT_REMINDER_JOB_KIND,
      roundKey: reminderKey(eventId, which, startsAt),
      batch: batch + 1,
      payload: { eventId, which, startsAt, afterId: people.at(-1)!.id },
    });
  }
  return { status: 'done', outboxIds, queuedMore: more };
};

export const eventJobHandlers: JobHandlers = {
  [EVENT_MAIL_JOB_KIND]: sendEventMail,
  [EVENTS_PLAN_JOB_KIND]: planEvents,
  [EVENT_REMINDER_JOB_KIND]: sendEventReminder,
};

export const eventRecurringJobs: readonly RecurringJob[] = [{ kind: EVENTS_PLAN_JOB_KIND, everyMs: EVENTS_PLAN_EVERY_MS, maxAttempts: 3 }];
