import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { PAGE_KEYS, readInPages } from '../../db/read-in-pages.ts';
import { storedValue } from '../../db/stored-value.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { ATTENDANCE_SOURCES, RSVP_STATES } from '../../shared/events.ts';
import type { AttendanceSource, RsvpState } from '../../shared/events.ts';
import { ROLES } from '../../shared/roles.ts';
import type { Role } from '../../shared/roles.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

export interface InvitationRecord {
  id: number;
  eventId: number;
  userId: number;
  name: string;
  email: string;
  disabled: boolean;
  invitedAt: string;
  sentSequence: number | null;
  rsvp: RsvpState | null;
  respondedAt: string | null;
  waitlistedAt: string | null;
  waitlistOrder: number | null;
  attended: boolean | null;
  attendanceSource: AttendanceSource | null;
}

const INVITATION_COLUMNS = [
  'i.id',
  'i.event_id',
  'i.user_id',
  'u.name',
  'u.email',
  'u.disabled_at',
  'i.invited_at',
  'i.sent_sequence',
  'i.rsvp',
  'i.responded_at',
  'i.waitlisted_at',
  'i.waitlist_order',
  'i.attended',
  'i.attendance_source',
] as const;

/**
 * Invitations (alias i) joined to their people (alias u). `peopleFirst` reads people in name order
 * and looks up each one's invitation by the (event, person) key: SQLite takes a CROSS JOIN's left
 * table as the outer loop, so a page by name out of thousands of invitees stops after a page's
 * worth where the usual order reads and sorts every invitation first. PostgreSQL plans either its
 * own way.
 */
export function invitationsWithPeople(db: Executor, peopleFirst: boolean) {
  return peopleFirst
    ? db.selectFrom('users as u').crossJoin('event_invitations as i').whereRef('i.user_id', '=', 'u.id')
    : db.selectFrom('event_invitations as i').innerJoin('users as u', 'u.id', 'i.user_id');
}

/** Invitations with their people, as every read of them maps them (toInvitationRecord). */
export const selectInvitations = (db: Executor) => invitationsWithPeople(db, false).select(INVITATION_COLUMNS);

type Row = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>;

export const toInvitationRecord = (r: Row): InvitationRecord => ({
  id: r.id,
  eventId: r.event_id,
  userId: r.user_id,
  name: r.name,
  email: r.email,
  disabled: r.disabled_at !== null,
  invitedAt: r.invited_at,
  sentSequence: r.sent_sequence,
  rsvp: r.rsvp === null ? null : storedValue('event_invitations', 'rsvp', RSVP_STATES, r.rsvp),
  respondedAt: r.responded_at,
  waitlistedAt: r.waitlisted_at,
  waitlistOrder: r.waitlist_order,
  attended: r.attended === null ? null : r.attended === 1,
  attendanceSource:
    r.attendance_source === null ? null : storedValue('event_invitations', 'attendance_source', ATTENDANCE_SOURCES, r.attendance_source),
});

/**
 * Invites these people (those already invited are left as they are: the unique key on event and
 * person makes a second invitation a no-op, even from two workers at once). Returns who is new.
 */
export async function insertInvitations(db: Executor, eventId: number, userIds: readonly number[], at: string): Promise<number[]> {
  const added = await writeInChunks(userIds, 500, (chunk) =>
    db
      .insertInto('event_invitations')
      .values(chunk.map((userId) => ({ event_id: eventId, user_id: userId, invited_at: at })))
      .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
      .returning('user_id')
      .execute(),
  );
  return added.map((r) => r.user_id);
}

export async function findInvitation(db: Executor, eventId: number, userId: number): Promise<InvitationRecord | undefined> {
  const r = await selectInvitations(db).where('i.event_id', '=', eventId).where('i.user_id', '=', userId).executeTakeFirst();
  return r ? toInvitationRecord(r) : undefined;
}

export async function findInvitationById(db: Executor, id: number): Promise<InvitationRecord | undefined> {
  const r = await selectInvitations(db).where('i.id', '=', id).executeTakeFirst();
  return r ? toInvitationRecord(r) : undefined;
}

/**
 * Everyone invited, by name (a person's id breaks ties). An event for a whole cohort invites tens
 * of thousands, and sorting them all in one statement held the server's event loop a tenth of a
 * second: from a page's worth up they are read a page at a time, people first in name order (from
 * their name index) with a turn of the event loop between pages. Within a transaction the pages
 * see one state; outside one, a person renamed meanwhile may show twice or not at all, as if the
 * list had been read a moment earlier or later.
 */
export async function listInvitations(db: Executor, eventId: number): Promise<InvitationRecord[]> {
  const counted = await db
    .selectFrom('event_invitations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (Number(counted?.n ?? 0) < PAGE_KEYS) {
    const rows = await selectInvitations(db).where('i.event_id', '=', eventId).orderBy('u.name').orderBy('u.id').execute();
    return rows.map(toInvitationRecord);
  }
  const out: InvitationRecord[] = [];
  let after: readonly [string, number] | undefined;
  for (;;) {
    let page = invitationsWithPeople(db, true).select(INVITATION_COLUMNS).where('i.event_id', '=', eventId);
    if (after) page = page.where(sql<boolean>`(${sql.ref('u.name')}, ${sql.ref('u.id')}) > (${after[0]}, ${after[1]})`);
    const rows = await page.orderBy('u.name').orderBy('u.id').limit(PAGE_KEYS).execute();
    for (const r of rows) out.push(toInvitationRecord(r));
    const last = rows.at(-1);
    if (rows.length < PAGE_KEYS || !last) return out;
    after = [last.name, last.user_id];
    await nextTurn();
  }
}

/**
 * Up to `limit` people to remind of an event (they said yes or maybe, and their account is not
 * disabled), by invitation, after invitation `afterId`: a reminder goes out a batch per job.
 */
export async function listToRemind(db: Executor, eventId: number, afterId: number, limit: number): Promise<InvitationRecord[]> {
  const rows = await selectInvitations(db)
    .where('i.event_id', '=', eventId)
    .where('i.rsvp', 'in', ['yes', 'maybe'])
    .where('i.id', '>', afterId)
    .where('u.disabled_at', 'is', null)
    .orderBy('i.id')
    .limit(limit)
    .execute();
  return rows.map(toInvitationRecord);
}

/** The waitlist, first come first served. */
export async function listWaitlist(db: Executor, eventId: number): Promise<InvitationRecord[]> {
  const rows = await selectInvitations(db)
    .where('i.event_id', '=', eventId)
    .where('i.rsvp', '=', 'waitlist')
    .orderBy('i.waitlist_order')
    .orderBy('i.id')
    .execute();
  return rows.map(toInvitationRecord);
}

/** A person's invitations to these events. */
export async function invitationsOf(db: Executor, userId: number, eventIds: readonly number[]): Promise<Map<number, InvitationRecord>> {
  if (eventIds.length === 0) return new Map();
  const rows = await selectInvitations(db).where('i.user_id', '=', userId).where('i.event_id', 'in', eventIds).execute();
  return new Map(rows.map((r) => [r.event_id, toInvitationRecord(r)]));
}

export interface RsvpCounts {
  invited: number;
  yes: number;
  no: number;
  maybe: number;
  waitlist: number;
  attended: number;
}

const NO_COUNTS: RsvpCounts = { invited: 0, yes: 0, no: 0, maybe: 0, waitlist: 0, attended: 0 };

/** Answer counts per event, in one query. */
export async function countRsvps(db: Executor, eventIds: readonly number[]): Promise<Map<number, RsvpCounts>> {
  const counts = new Map<number, RsvpCounts>(eventIds.map((id) => [id, { ...NO_COUNTS }]));
  if (eventIds.length === 0) return counts;
  // Every events page asks (each participant's too), and an event for a cohort has tens of
  // thousands of invitations: read from the index alone, and kept until an invitation is written
  // (unchanged-cache.ts).
  const rows = await unlessChanged(
    db,
    db
      .selectFrom('event_invitations')
      .select(['event_id', 'rsvp', 'attended'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('event_id', 'in', eventIds)
      .groupBy(['event_id', 'rsvp', 'attended']),
  );
  for (const r of rows) {
    const c = counts.get(r.event_id);
    if (!c) continue;
    const n = Number(r.n);
    c.invited += n;
    if (r.rsvp !== null) c[storedValue('event_invitations', 'rsvp', RSVP_STATES, r.rsvp)] += n;
    if (r.attended === 1) c.attended += n;
  }
  return counts;
}

export async function setRsvp(
  db: Executor,
  invitationId: number,
  v: { rsvp: RsvpState; respondedAt: string; waitlistedAt: string | null; waitlistOrder: number | null },
): Promise<void> {
  await db
    .updateTable('event_invitations')
    .set({ rsvp: v.rsvp, responded_at: v.respondedAt, waitlisted_at: v.waitlistedAt, waitlist_order: v.waitlistOrder })
    .where('id', '=', invitationId)
    .execute();
}

/**
 * Records that a person was sent the event as of `sequence`, only if they had not been sent it
 * (or anything later) yet: of two workers sending the same message, one gets true.
 */
export async function markSent(db: Executor, invitationId: number, sequence: number): Promise<boolean> {
  const r = await db
    .updateTable('event_invitations')
    .set({ sent_sequence: sequence })
    .where('id', '=', invitationId)
    .where((eb) => eb.or([eb('sent_sequence', 'is', null), eb('sent_sequence', '<', sequence)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks people as there or not; returns how many rows changed. */
export async function setAttendance(
  db: Executor,
  eventId: number,
  marks: readonly { userId: number; attended: boolean }[],
  v: { source: AttendanceSource; by: number; at: string },
): Promise<number> {
  let changed = 0;
  // Two statements per slice of people (those who came, those who did not), not one per person.
  for (const attended of [true, false]) {
    const userIds = marks.filter((m) => m.attended === attended).map((m) => m.userId);
    for (let i = 0; i < userIds.length; i += 500) {
      const r = await db
        .updateTable('event_invitations')
        .set({ attended: attended ? 1 : 0, attendance_source: v.source, attendance_marked_by: v.by, attendance_marked_at: v.at })
        .where('event_id', '=', eventId)
        .where('user_id', 'in', userIds.slice(i, i + 500))
        .where((eb) => eb.or([eb('attended', 'is', null), eb('attended', '!=', attended ? 1 : 0)]))
        .executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
  }
  return changed;
}

/** The roles of these people (to say who is who on the attendee list). */
export async function rolesOf(db: Executor, userIds: readonly number[]): Promise<Map<number, Role[]>> {
  const roles = new Map<number, Role[]>();
  // 500 ids a statement, with a turn of the event loop between (read-in-pages.ts): an event for a
  // whole cohort is 70 statements, which back to back held the loop for a tenth of a second.
  const rows = await readInPages(
    userIds,
    (chunk) => db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', chunk).execute(),
    500,
  );
  for (const r of rows) {
    const list = roles.get(r.user_id) ?? [];
    list.push(storedValue('user_roles', 'role', ROLES, r.role));
    roles.set(r.user_id, list);
  }
  return roles;
}

/** The events among these whose attendance staff have recorded for anyone. */
export async function attendanceMarkedFor(db: Executor, eventIds: readonly number[]): Promise<Set<number>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('event_invitations')
    .select('event_id')
    .distinct()
    .where('event_id', 'in', eventIds)
    .where('attended', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.event_id));
}

// The one-click answer links.

export async function insertRsvpLink(db: Executor, invitationId: number, tokenHash: string, at: string): Promise<void> {
  await db.insertInto('event_rsvp_links').values({ invitation_id: invitationId, token_hash: tokenHash, created_at: at }).execute();
}

export async function findInvitationByLink(db: Executor, tokenHash: string): Promise<InvitationRecord | undefined> {
  const r = await selectInvitations(db)
    .innerJoin('event_rsvp_links as l', 'l.invitation_id', 'i.id')
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r ? toInvitationRecord(r) : undefined;
}
