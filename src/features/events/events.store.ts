import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Database, EventsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { EVENT_AUDIENCES, EVENT_KINDS, EVENT_STATUSES } from '../../shared/events.ts';
import type { EventAudience, EventKind, EventStatus } from '../../shared/events.ts';
import { AUDIENCE_ROLES } from './event.rules.ts';

export interface EventRecord {
  id: number;
  kind: EventKind;
  title: string;
  description: string;
  timeZone: string;
  date: string;
  time: string;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
  joinUrl: string;
  place: string;
  audience: EventAudience;
  periodId: number | null;
  periodName: string | null;
  capacity: number | null;
  rsvpDeadline: { date: string; time: string; at: string } | null;
  host: string;
  status: EventStatus;
  uid: string;
  sequence: number;
  openToLaterCohorts: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
}

type Row = Selectable<EventsTable> & { period_name: string | null };

const toRecord = (r: Row): EventRecord => ({
  id: r.id,
  kind: storedValue('events', 'kind', EVENT_KINDS, r.kind),
  title: r.title,
  description: r.description,
  timeZone: r.time_zone,
  date: r.start_date,
  time: r.start_time,
  durationMinutes: r.duration_minutes,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  joinUrl: r.join_url,
  place: r.place,
  audience: storedValue('events', 'audience', EVENT_AUDIENCES, r.audience),
  periodId: r.period_id,
  periodName: r.period_name,
  capacity: r.capacity,
  rsvpDeadline:
    r.rsvp_deadline_at !== null && r.rsvp_deadline_date !== null && r.rsvp_deadline_time !== null
      ? { date: r.rsvp_deadline_date, time: r.rsvp_deadline_time, at: r.rsvp_deadline_at }
      : null,
  host: r.host,
  status: storedValue('events', 'status', EVENT_STATUSES, r.status),
  uid: r.uid,
  sequence: r.sequence,
  openToLaterCohorts: r.open_to_later_cohorts === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
  cancelledAt: r.cancelled_at,
});

const selectEvents = (db: Executor) =>
  db.selectFrom('events as e').leftJoin('periods as p', 'p.id', 'e.period_id').selectAll('e').select('p.name as period_name');

export type EventRow = Omit<Insertable<EventsTable>, 'id'>;
export type EventChange = Updateable<EventsTable>;

export async function insertEvent(db: Executor, row: EventRow): Promise<number> {
  const r = await db.insertInto('events').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateEvent(db: Executor, id: number, change: EventChange): Promise<void> {
  await db.updateTable('events').set(change).where('id', '=', id).execute();
}

export async function deleteEvent(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

export async function findEvent(db: Executor, id: number): Promise<EventRecord | undefined> {
  const r = await selectEvents(db).where('e.id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/**
 * Takes the event's row lock for the rest of the transaction (an UPDATE locks the row on
 * PostgreSQL; SQLite runs one writer at a time): two answers for the last place, or an answer
 * and a capacity change, run one after the other. Returns the event's new answer counter (which
 * orders the waitlist), or null when there is no such event.
 */
export async function lockEvent(db: Executor, id: number): Promise<number | null> {
  const r = await db
    .updateTable('events')
    .set((eb) => ({ rsvp_version: eb('rsvp_version', '+', 1) }))
    .where('id', '=', id)
    .returning('rsvp_version')
    .executeTakeFirst();
  return r?.rsvp_version ?? null;
}

export interface EventFilter {
  /** Only these events (a person's invitations). */
  ids?: readonly number[];
  statuses?: readonly EventStatus[];
  /** Not over yet at this instant / over at this instant. */
  endsAfter?: string;
  endedBy?: string;
  startsBefore?: string;
}

export async function listEvents(db: Executor, f: EventFilter): Promise<EventRecord[]> {
  if (f.ids && f.ids.length === 0) return [];
  let q = selectEvents(db);
  if (f.ids) q = q.where('e.id', 'in', f.ids);
  if (f.statuses) q = q.where('e.status', 'in', f.statuses);
  if (f.endsAfter) q = q.where('e.ends_at', '>', f.endsAfter);
  if (f.endedBy) q = q.where('e.ends_at', '<=', f.endedBy);
  if (f.startsBefore) q = q.where('e.starts_at', '<', f.startsBefore);
  const rows = await q.orderBy('e.starts_at').orderBy('e.id').execute();
  return rows.map(toRecord);
}

/** The ids of the events a person is invited to. */
export async function invitedEventIds(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('event_invitations').select('event_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.event_id);
}

/** Past, published events that have a recording or slides. */
export async function listArchivedEvents(db: Executor, now: string): Promise<EventRecord[]> {
  const rows = await selectEvents(db)
    .where('e.status', '=', 'published')
    .where('e.ends_at', '<=', now)
    .where((eb) => eb.exists(eb.selectFrom('event_media as m').select('m.id').whereRef('m.event_id', '=', 'e.id')))
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** Published events that have not started: the ones whose audience may still grow. */
export async function listOpenPublishedEvents(db: Executor, now: string): Promise<EventRecord[]> {
  return listEvents(db, { statuses: ['published'], endsAfter: now });
}

/**
 * The people an audience takes now who are not invited yet: enabled accounts with one of the
 * audience's roles, or both people of every active match of the period. Applicants hold no role
 * until accepted (decision 0009). Those already invited are left out in SQL, so the planner that
 * runs every few minutes reads only the newcomers, not the whole audience again.
 */
export async function uninvitedAudience(
  db: Executor,
  event: { id: number; audience: EventAudience; periodId: number | null },
): Promise<number[]> {
  const notInvited = (eb: ExpressionBuilder<Database & { u: Database['users'] }, 'u'>) =>
    eb.not(
      eb.exists(
        eb.selectFrom('event_invitations as i').select('i.id').where('i.event_id', '=', event.id).whereRef('i.user_id', '=', 'u.id'),
      ),
    );
  if (event.audience === 'period_matches') {
    if (event.periodId === null) return [];
    const rows = await db
      .selectFrom('matches as m')
      .innerJoin('users as u', (j) =>
        j.on((eb) => eb.or([eb('u.id', '=', eb.ref('m.mentor_user_id')), eb('u.id', '=', eb.ref('m.mentee_user_id'))])),
      )
      .select('u.id')
      .distinct()
      .where('m.period_id', '=', event.periodId)
      .where('m.status', '=', 'active')
      .where('u.disabled_at', 'is', null)
      .where(notInvited)
      .execute();
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .distinct()
    .where('r.role', 'in', AUDIENCE_ROLES[event.audience])
    .where('u.disabled_at', 'is', null)
    .where(notInvited)
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
