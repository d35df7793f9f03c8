import { randomUUID } from 'node:crypto';
import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { EventInput, EventView } from '../../shared/api/events.ts';
import { toInstant } from '../../time/instant.ts';
import { addDays } from '../../time/zoned.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { enqueueMany } from '../jobs/jobs.service.ts';
import { deliverRecorded } from '../notifications/mail.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { capacityProblem, eventInstants, eventPhase, whereProblem } from './event.rules.ts';
import type { EventWhenProblem } from './event.rules.ts';
import { eventDownloadIcs, organizerFrom } from './event-calendar.ts';
import { attendanceMarkedFor, countRsvps, insertInvitations, invitationsOf, listInvitations } from './event-invitations.store.ts';
import { calendarEventOf, clockOf, eventViews } from './event-view.ts';
import { visibleEvent } from './event-access.ts';
import { fillFreedPlaces } from './waitlist.ts';
import {
  uninvitedAudience,
  deleteEvent,
  findEvent,
  insertEvent,
  invitedEventIds,
  listEvents,
  lockEvent,
  updateEvent,
} from './events.store.ts';
import type { EventRecord, EventRow } from './events.store.ts';

/** The job that sends one person what they have not been told yet about one event. */
export const EVENT_MAIL_JOB_KIND = 'event.mail';
export const EVENT_MAIL_MAX_ATTEMPTS = 5;

const refuse = (problem: EventWhenProblem, code: string): never => {
  throw new RuleViolationError(code, problem.message, [{ path: problem.field, message: problem.message }]);
};

/** The stored columns of what staff entered, checked against the program's rules. */
async function columnsOf(
  db: Executor,
  input: EventInput,
): Promise<Omit<EventRow, 'status' | 'uid' | 'created_by' | 'created_at' | 'updated_at'>> {
  const when = eventInstants(input);
  if (!when.ok) refuse(when.problem, when.problem.field === 'timeZone' ? 'UNKNOWN_TIME_ZONE' : 'EVENT_TIMES_INVALID');
  const { startsAt, endsAt, rsvpDeadlineAt } = (when as Extract<typeof when, { ok: true }>).instants;
  const where = whereProblem(input.joinUrl, input.place);
  if (where) refuse(where, 'EVENT_PLACE_MISSING');
  if (input.audience === 'period_matches') {
    if (input.periodId === null)
      refuse({ field: 'periodId', message: 'Choose the period whose matches are invited.' }, 'EVENT_PERIOD_MISSING');
    if (!(await findPeriod(db, input.periodId!))) throw new NotFoundError('period');
  }
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    time_zone: input.timeZone,
    start_date: input.date,
    start_time: input.time,
    duration_minutes: input.durationMinutes,
    starts_at: toInstant(startsAt),
    ends_at: toInstant(endsAt),
    join_url: input.joinUrl,
    place: input.place,
    audience: input.audience,
    period_id: input.audience === 'period_matches' ? input.periodId : null,
    capacity: input.capacity,
    rsvp_deadline_date: input.rsvpDeadline?.date ?? null,
    rsvp_deadline_time: input.rsvpDeadline?.time ?? null,
    rsvp_deadline_at: rsvpDeadlineAt ? toInstant(rsvpDeadlineAt) : null,
    host: input.host,
  };
}

async function viewOne(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<EventView> {
  const event = await findEvent(deps.db, id);
  if (!event) throw new NotFoundError('event');
  const [view] = await eventViews(deps.db, [event], actor.userId, deps.clock.now());
  return view!;
}

export async function createEvent(deps: Deps, actor: Actor, input: EventInput): Promise<EventView> {
  const at = toInstant(deps.clock.now());
  const id = await deps.db.transaction().execute(async (trx) => {
    const columns = await columnsOf(trx, input);
    const eventId = await insertEvent(trx, {
      ...columns,
      status: 'draft',
      uid: `${randomUUID()}@tandem`,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'event.created',
      entityType: 'event',
      entityId: eventId,
      details: { title: input.title },
      at,
    });
    return eventId;
  });
  return viewOne(deps, actor, id);
}

/** What people were told of: a change to any of these is sent to them as an update. */
function changesWhatPeopleWereTold(e: EventRecord, input: EventInput): boolean {
  const before = [e.kind, e.title, e.description, e.timeZone, e.date, e.time, e.durationMinutes, e.joinUrl, e.place, e.host];
  const after = [
    input.kind,
    input.title,
    input.description,
    input.timeZone,
    input.date,
    input.time,
    input.durationMinutes,
    input.joinUrl,
    input.place,
    input.host,
  ];
  return before.some((value, k) => value !== after[k]);
}

/**
 * Staff change an event. A draft just changes. A published one that has not started changes
 * and, when something people were told of changed, its SEQUENCE grows and everyone invited
 * gets an update; a wider audience is invited at once. A capacity below the places already
 * taken is refused; a higher one gives places to the waitlist (see event-rsvp.service).
 */
export async function changeEvent(deps: Deps, actor: Actor, id: number, input: EventInput): Promise<EventView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const outboxIds: number[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, id);
    if (!event) throw new NotFoundError('event');
    if (event.status === 'cancelled') throw new ConflictError('EVENT_CANCELLED', 'A cancelled event cannot be changed.');
    await lockEvent(trx, id);
    const phase = eventPhase(clockOf(event), now);
    if (phase === 'happening' || phase === 'past') {
      throw new ConflictError('EVENT_STARTED', 'This event has already started; its details can no longer change.');
    }
    const columns = await columnsOf(trx, input);
    const yes = (await countRsvps(trx, [id])).get(id)?.yes ?? 0;
    const cap = capacityProblem(input.capacity, yes);
    if (cap) refuse(cap, 'CAPACITY_BELOW_PLACES_TAKEN');
    const told = changesWhatPeopleWereTold(event, input);
    const published = event.status === 'published';
    const sequence = published && told ? event.sequence + 1 : event.sequence;
    await updateEvent(trx, id, { ...columns, sequence, updated_at: at });
    if (published) {
      if (told) await queueMailToAll(trx, id, sequence, now);
      await inviteAudience(trx, { ...event, audience: input.audience, periodId: columns.period_id ?? null }, sequence, now);
      // More room (or no limit now): the waitlist moves up in the same transaction.
      outboxIds.push(...(await fillFreedPlaces(deps, trx, id, now)));
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'event.changed',
      entityType: 'event',
      entityId: id,
      details: { sequence, peopleTold: published && told },
      at,
    });
  });
  await deliverRecorded(deps, outboxIds);
  return viewOne(deps, actor, id);
}

/** One job per invited person for this version of the event (the dedupe key holds the version). */
async function queueMailToAll(db: Executor, eventId: number, sequence: number, now: Date): Promise<void> {
  const invited = await listInvitations(db, eventId);
  await queueMail(
    db,
    eventId,
    invited.map((i) => i.userId),
    sequence,
    now,
  );
}

async function queueMail(db: Executor, eventId: number, userIds: readonly number[], sequence: number, now: Date): Promise<void> {
  await enqueueMany(
    db,
    now,
    userIds.map((userId) => ({
      kind: EVENT_MAIL_JOB_KIND,
      dedupeKey: `event:${eventId}:user:${userId}:seq:${sequence}`,
      runAt: now,
      maxAttempts: EVENT_MAIL_MAX_ATTEMPTS,
      payload: { eventId, userId },
    })),
  );
}

/**
 * Invites whoever the audience takes now and was not invited yet, and queues their e-mail. Used
 * when an event is published, when its audience changes, and by the planner that picks up
 * people who joined the audience later (a new match).
 */
export async function inviteAudience(
  db: Executor,
  event: Pick<EventRecord, 'id' | 'audience' | 'periodId'>,
  sequence: number,
  now: Date,
): Promise<number> {
  const members = await uninvitedAudience(db, event);
  const added = await insertInvitations(db, event.id, members, toInstant(now));
  await queueMail(db, event.id, added, sequence, now);
  return added.length;
}

export async function publishEvent(deps: Deps, actor: Actor, id: number): Promise<EventView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  await deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, id);
    if (!event) throw new NotFoundError('event');
    if (event.status !== 'draft') throw new ConflictError('EVENT_NOT_DRAFT', 'Only a draft can be published; this event already was.');
    if (Date.parse(event.startsAt) <= now.getTime()) {
      throw new ConflictError('EVENT_IN_PAST', 'This event’s start has passed. Change its date before publishing it.');
    }
    await updateEvent(trx, id, { status: 'published', published_at: at, updated_at: at });
    const invited = await inviteAudience(trx, event, event.sequence, now);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'event.published',
      entityType: 'event',
      entityId: id,
      details: { invited },
      at,
    });
  });
  return viewOne(deps, actor, id);
}

/** Cancels a published event: everyone who was sent it gets a cancellation (METHOD:CANCEL). */
export async function cancelEvent(deps: Deps, actor: Actor, id: number): Promise<EventView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  await deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, id);
    if (!event) throw new NotFoundError('event');
    if (event.status === 'draft') throw new ConflictError('EVENT_NOT_PUBLISHED', 'A draft is not cancelled: delete it instead.');
    if (event.status === 'cancelled') throw new ConflictError('EVENT_CANCELLED', 'This event is already cancelled.');
    if (Date.parse(event.endsAt) <= now.getTime()) throw new ConflictError('EVENT_OVER', 'This event is over; there is nothing to cancel.');
    const sequence = event.sequence + 1;
    await updateEvent(trx, id, { status: 'cancelled', cancelled_at: at, updated_at: at, sequence });
    await queueMailToAll(trx, id, sequence, now);
    await recordAudit(trx, { actorId: actor.userId, action: 'event.cancelled', entityType: 'event', entityId: id, details: {}, at });
  });
  return viewOne(deps, actor, id);
}

export async function removeDraftEvent(deps: Deps, actor: Actor, id: number): Promise<void> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, id);
    if (!event) throw new NotFoundError('event');
    if (event.status !== 'draft')
      throw new ConflictError('EVENT_NOT_DRAFT', 'Only a draft can be deleted; cancel a published event instead.');
    await deleteEvent(trx, id);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'event.deleted',
      entityType: 'event',
      entityId: id,
      details: { title: event.title },
      at,
    });
  });
}

/** Staff: every event; others: the events they are invited to (never drafts). */
export async function listEventsFor(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  when: 'upcoming' | 'past' | 'all',
): Promise<EventView[]> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const staff = hasRole(actor, 'staff');
  const events = await listEvents(deps.db, {
    ...(staff ? {} : { ids: await invitedEventIds(deps.db, actor.userId), statuses: ['published', 'cancelled'] as const }),
    ...(when === 'upcoming' ? { endsAfter: at } : when === 'past' ? { endedBy: at } : {}),
  });
  // Upcoming and past lists are of events that happen; cancelled ones show in "all" only.
  const shown = when === 'all' ? events : events.filter((e) => e.status !== 'cancelled' && (staff || e.status === 'published'));
  const ordered = when === 'past' ? [...shown].reverse() : shown;
  return eventViews(deps.db, ordered, actor.userId, now);
}

export async function getEvent(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<EventView> {
  const event = await visibleEvent(deps.db, actor, id, deps.clock.now());
  const [view] = await eventViews(deps.db, [event], actor.userId, deps.clock.now());
  return view!;
}

/** "Add to calendar": the event as a calendar file, for anyone who may see it. */
export async function eventCalendarFile(deps: Deps, actor: Actor, id: number): Promise<{ fileName: string; ics: string }> {
  const event = await visibleEvent(deps.db, actor, id, deps.clock.now());
  const settings = await getSettings(deps);
  const ics = eventDownloadIcs({
    programName: settings.programName,
    event: calendarEventOf(event, appOrigin(deps.config)),
    organizer: organizerFrom(deps.config.mailFrom, settings.programName),
  });
  return { fileName: `event-${event.id}.ics`, ics };
}

/** One held event's turnout, for program health and the annual report. */
export interface HeldEvent {
  id: number;
  title: string;
  kind: EventRecord['kind'];
  startsAt: string;
  invited: number;
  yes: number;
  attended: number;
  /** Whether anyone's attendance was recorded (so "0 attended" means nobody, not "not taken"). */
  attendanceTaken: boolean;
}

/**
 * The events a period's cohort was invited to that have taken place: those for the period's
 * matches, and program-wide ones (everyone, mentors, mentees) held between the announcement of
 * its matches and the end of its program. Oldest first.
 */
export async function eventsHeldForPeriod(
  deps: Pick<Deps, 'db' | 'clock'>,
  period: { id: number; matchesAnnouncedOn: string; programEndsOn: string },
): Promise<HeldEvent[]> {
  const now = toInstant(deps.clock.now());
  // A day's margin in SQL for zones ahead of UTC; the local dates below decide exactly.
  const from = addDays(period.matchesAnnouncedOn, -1);
  const held = (await listEvents(deps.db, { statuses: ['published'], endedBy: now, endsAfter: from })).filter((e) =>
    e.audience === 'period_matches'
      ? e.periodId === period.id
      : e.audience !== 'staff' && e.date >= period.matchesAnnouncedOn && e.date <= period.programEndsOn,
  );
  const counts = await countRsvps(
    deps.db,
    held.map((e) => e.id),
  );
  const marked = await attendanceMarkedFor(
    deps.db,
    held.map((e) => e.id),
  );
  return held.map((e) => {
    const c = counts.get(e.id)!;
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      startsAt: e.startsAt,
      invited: c.invited,
      yes: c.yes,
      attended: c.attended,
      attendanceTaken: marked.has(e.id),
    };
  });
}

/** One event a person was invited to, with their answer and whether they came. */
export interface MyEventRecord {
  eventId: number;
  title: string;
  kind: string;
  startsAt: string;
  status: string;
  invitedAt: string;
  rsvp: string | null;
  respondedAt: string | null;
  waitlisted: boolean;
  attended: boolean | null;
}

/** Every event the person was invited to (staff too: only their own invitations), oldest first. */
export async function listMyEventRecords(deps: Pick<Deps, 'db'>, actor: Actor): Promise<MyEventRecord[]> {
  const ids = await invitedEventIds(deps.db, actor.userId);
  const invitations = await invitationsOf(deps.db, actor.userId, ids);
  return (await listEvents(deps.db, { ids })).flatMap((e) => {
    const i = invitations.get(e.id);
    if (!i) return [];
    return [
      {
        eventId: e.id,
        title: e.title,
        kind: e.kind,
        startsAt: e.startsAt,
        status: e.status,
        invitedAt: i.invitedAt,
        rsvp: i.rsvp,
        respondedAt: i.respondedAt,
        waitlisted: i.waitlistedAt !== null,
        attended: i.attended,
      },
    ];
  });
}

export { findEvent, listOpenPublishedEvents } from './events.store.ts';
