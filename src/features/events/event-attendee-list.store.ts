import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { pageByKeys } from '../../db/keyset-page.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import type { AttendeeSort, AttendeeStateFilter } from '../../shared/api/events.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import { invitationsWithPeople, selectInvitations, toInvitationRecord } from './event-invitations.store.ts';
import type { InvitationRecord } from './event-invitations.store.ts';

/**
 * The staff's attendee list: an event's invitations searched, filtered and a page at a time.
 * Whole-event reads (the CSV export, the attendance import, the e-mails) use listInvitations.
 */

export interface InvitationFilter {
  eventId: number;
  /** Part of the person's name or e-mail address. */
  q?: string | undefined;
  state?: AttendeeStateFilter | undefined;
  /** true: marked as came; false: marked absent or not marked. */
  attended?: boolean | undefined;
}

/** The filter's conditions on the invitation (alias i), each one a column of an index. */
function invitationConditions(f: InvitationFilter): RawBuilder<boolean>[] {
  const conditions = [sql<boolean>`${sql.ref('i.event_id')} = ${f.eventId}`];
  if (f.state === 'none-yet') conditions.push(sql<boolean>`${sql.ref('i.rsvp')} is null`);
  else if (f.state) conditions.push(sql<boolean>`${sql.ref('i.rsvp')} = ${f.state}`);
  if (f.attended === true) conditions.push(sql<boolean>`${sql.ref('i.attended')} = 1`);
  if (f.attended === false) conditions.push(sql<boolean>`(${sql.ref('i.attended')} is null or ${sql.ref('i.attended')} = 0)`);
  return conditions;
}

/** The invitations the filter keeps, with their people (alias u); `peopleFirst` as invitationsWithPeople reads them. */
function filteredInvitations(db: Executor, f: InvitationFilter, peopleFirst: boolean) {
  const query = invitationsWithPeople(db, peopleFirst).where((eb) => eb.and(invitationConditions(f)));
  return f.q ? query.where(containsTextInAny(['u.name', 'u.email'], f.q)) : query;
}

/** How many invitations the filter keeps. Without a search, from the invitation indexes alone. */
export async function countInvitations(db: Executor, f: InvitationFilter): Promise<number> {
  const query = f.q
    ? filteredInvitations(db, f, false).select((eb) => eb.fn.countAll<number | string>().as('n'))
    : db
        .selectFrom('event_invitations as i')
        .where((eb) => eb.and(invitationConditions(f)))
        .select((eb) => eb.fn.countAll<number | string>().as('n'));
  // Kept until an invitation or a person is written (unchanged-cache.ts): each page asks again.
  const [row] = await unlessChanged(db, query);
  return Number(row?.n ?? 0);
}

/**
 * Each order as its sort value and tie-breaker, both ascending. Waitlist places are first come,
 * first served (listWaitlist's order); only those on the waitlist have one, so that order goes
 * with the waitlist filter (the query schema says so).
 */
const ORDER: Record<AttendeeSort, { value: RawBuilder<string | number>; id: RawBuilder<number> }> = {
  name: { value: sql<string>`${sql.ref('u.name')}`, id: sql<number>`${sql.ref('u.id')}` },
  waitlist: { value: sql<number>`${sql.ref('i.waitlist_order')}`, id: sql<number>`${sql.ref('i.id')}` },
};

/** A cursor's sort value as the order compares it, or undefined when no page of it could have handed it out. */
function cursorValue(sort: AttendeeSort, value: string): string | number | undefined {
  if (sort === 'waitlist') return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  return value;
}

/** A cursor that no page of this order handed out (one of another order, or made up). */
export class BadAttendeeCursorError extends Error {}

/**
 * From how many invitations the filter keeps a page by name reads people first. Below it, sorting
 * the few is cheaper than walking the people index past everyone not invited (as for applications).
 */
const PEOPLE_FIRST_FROM = 1_000;

/**
 * One page of the invitations the filter keeps, in the order asked for, after the cursor's row;
 * one row more tells whether another page follows. `total` (countInvitations) decides how the page
 * is best read. Throws BadAttendeeCursorError for a cursor no page of this order handed out.
 */
export async function searchInvitations(
  db: Executor,
  q: InvitationFilter & { sort: AttendeeSort; after?: CursorKey | undefined; limit: number },
  total: number,
): Promise<{ invitations: InvitationRecord[]; nextCursor: string | null }> {
  const { value, id } = ORDER[q.sort];
  const after = q.after && cursorValue(q.sort, q.after[0]);
  if (q.after && after === undefined) throw new BadAttendeeCursorError();
  // A search nobody fits (a name typed wrong) need not read the event's invitations a second time.
  if (total === 0) return { invitations: [], nextCursor: null };
  let page = filteredInvitations(db, q, q.sort === 'name' && total >= PEOPLE_FIRST_FROM)
    .select(['i.id', value.as('sort_value'), id.as('tie_id')])
    .orderBy(value)
    .orderBy(id);
  if (q.after && after !== undefined) page = page.where(sql<boolean>`(${value}, ${id}) > (${after}, ${q.after[1]})`);
  const { rows, nextCursor } = await pageByKeys(
    await page.limit(q.limit + 1).execute(),
    q.limit,
    (last) => [String(last.sort_value), last.tie_id],
    async (ids) => (await selectInvitations(db).where('i.id', 'in', ids).execute()).map(toInvitationRecord),
    (row) => row.id,
  );
  return { invitations: rows, nextCursor };
}

/**
 * The places on the event's waitlist of those among `invitations` who are on it (1 is next in
 * line), by invitation id. Reads the waitlist from the first of them to the last only, from its
 * index, with a count of those ahead. Two reads outside a transaction: someone joining in between
 * shifts a place by one until the next read, as it would a moment later anyway.
 */
export async function waitlistPlaces(
  db: Executor,
  eventId: number,
  invitations: readonly InvitationRecord[],
): Promise<Map<number, number>> {
  const waiting = invitations
    .flatMap((i) => (i.rsvp === 'waitlist' && i.waitlistOrder !== null ? [{ id: i.id, order: i.waitlistOrder }] : []))
    .sort((a, b) => a.order - b.order || a.id - b.id);
  const first = waiting[0];
  const last = waiting.at(-1);
  if (!first || !last) return new Map();
  const key = sql`(${sql.ref('waitlist_order')}, ${sql.ref('id')})`;
  const onWaitlist = db.selectFrom('event_invitations').where('event_id', '=', eventId).where('rsvp', '=', 'waitlist');
  const [ahead, range] = await Promise.all([
    onWaitlist
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(sql<boolean>`${key} < (${first.order}, ${first.id})`)
      .executeTakeFirst(),
    onWaitlist
      .select('id')
      .where(sql<boolean>`${key} >= (${first.order}, ${first.id})`)
      .where(sql<boolean>`${key} <= (${last.order}, ${last.id})`)
      .orderBy('waitlist_order')
      .orderBy('id')
      .execute(),
  ]);
  const before = Number(ahead?.n ?? 0);
  const wanted = new Set(waiting.map((w) => w.id));
  const places = new Map<number, number>();
  for (const [k, r] of range.entries()) if (wanted.has(r.id)) places.set(r.id, before + k + 1);
  return places;
}
