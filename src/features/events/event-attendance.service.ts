import type { Deps } from '../../deps.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.ts';
import type { AttendanceImportResult, Attendee, AttendeeList, AttendeeListQuery, EventView } from '../../shared/api/events.ts';
import type { Role } from '../../shared/roles.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { eventPhase } from './event.rules.ts';
import { matchAttendees, readAttendanceReport } from './attendance-csv.ts';
import type { AttendanceMapping } from './attendance-csv.ts';
import { BadAttendeeCursorError, countInvitations, searchInvitations, waitlistPlaces } from './event-attendee-list.store.ts';
import { countRsvps, listInvitations, listWaitlist, rolesOf, setAttendance } from './event-invitations.store.ts';
import type { InvitationRecord, RsvpCounts } from './event-invitations.store.ts';
import { clockOf, eventViews } from './event-view.ts';
import { findEvent } from './events.store.ts';
import type { EventRecord } from './events.store.ts';

async function eventOrMissing(deps: Pick<Deps, 'db'>, id: number): Promise<EventRecord> {
  const event = await findEvent(deps.db, id);
  if (!event) throw new NotFoundError('event');
  return event;
}

const toAttendee = (i: InvitationRecord, roles: ReadonlyMap<number, Role[]>, places: ReadonlyMap<number, number>): Attendee => ({
  userId: i.userId,
  name: i.name,
  email: i.email,
  roles: roles.get(i.userId) ?? [],
  state: i.rsvp,
  respondedAt: i.respondedAt,
  waitlistPosition: places.get(i.id) ?? null,
  attended: i.attended,
  attendanceSource: i.attendanceSource,
  invitedAt: i.invitedAt,
});

/**
 * Everyone invited, by name, with their answer, waitlist place and attendance: the whole event at
 * once, for the CSV export and the demo (read a page of invitations at a time). The staff page
 * asks for searchAttendees' pages instead.
 */
export async function listAttendees(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
): Promise<{ event: EventView; attendees: Attendee[] }> {
  const event = await eventOrMissing(deps, id);
  const [invitations, waitlist] = await Promise.all([listInvitations(deps.db, id), listWaitlist(deps.db, id)]);
  const roles = await rolesOf(
    deps.db,
    invitations.map((i) => i.userId),
  );
  const places = new Map(waitlist.map((w, index) => [w.id, index + 1]));
  const [view] = await eventViews(deps.db, [event], actor.userId, deps.clock.now());
  return { event: view!, attendees: invitations.map((i) => toAttendee(i, roles, places)) };
}

const NOT_A_CURSOR = () =>
  new InvalidInputError('BAD_CURSOR', 'This is not a cursor from a previous page of this list.', [
    { path: 'after', message: 'Start again from the first page.' },
  ]);

/**
 * Staff: an event's invitees searched by name or e-mail, filtered by answer and attendance, a page
 * at a time. `event.counts` stay the whole event's; `total` is how many this search keeps.
 */
export async function searchAttendees(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
  query: AttendeeListQuery,
): Promise<AttendeeList> {
  const event = await eventOrMissing(deps, id);
  const filter = { eventId: id, q: query.q || undefined, state: query.state, attended: query.attended };
  const total = await countInvitations(deps.db, filter);
  const page = await searchInvitations(deps.db, { ...filter, sort: query.sort, after: query.after, limit: query.limit }, total).catch(
    (err: unknown) => {
      if (err instanceof BadAttendeeCursorError) throw NOT_A_CURSOR();
      throw err;
    },
  );
  const [roles, places, [view]] = await Promise.all([
    rolesOf(
      deps.db,
      page.invitations.map((i) => i.userId),
    ),
    waitlistPlaces(deps.db, id, page.invitations),
    eventViews(deps.db, [event], actor.userId, deps.clock.now()),
  ]);
  return {
    event: view!,
    attendees: page.invitations.map((i) => toAttendee(i, roles, places)),
    nextCursor: page.nextCursor,
    total,
  };
}

function assertStarted(event: EventRecord, now: Date): void {
  const phase = eventPhase(clockOf(event), now);
  if (phase === 'happening' || phase === 'past') return;
  throw new ConflictError(
    'EVENT_NOT_HAPPENED',
    event.status === 'cancelled' ? 'This event was cancelled; nobody attended it.' : 'Attendance can be taken once the event has started.',
  );
}

/** Staff mark who came. Only people who were invited can be marked; anyone else is refused. */
export async function markAttendance(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
  marks: readonly { userId: number; attended: boolean }[],
): Promise<{ changed: number; counts: RsvpCounts }> {
  const now = deps.clock.now();
  const at = toInstant(now);
  return deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, id);
    if (!event) throw new NotFoundError('event');
    assertStarted(event, now);
    const invited = new Set((await listInvitations(trx, id)).map((i) => i.userId));
    const strangers = marks.filter((m) => !invited.has(m.userId));
    if (strangers.length > 0) {
      throw new ConflictError('NOT_INVITED', `Only people invited to the event can be marked; ${strangers.length} of these were not.`);
    }
    const changed = await setAttendance(trx, id, marks, { source: 'hand', by: actor.userId, at });
    if (changed > 0) {
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'event.attendance_marked',
        entityType: 'event',
        entityId: id,
        details: { changed },
        at,
      });
    }
    return { changed, counts: (await countRsvps(trx, [id])).get(id)! };
  });
}

/**
 * The web-conference tool's attendance report: a preview says who each row is among the
 * invited (by e-mail, else by a name only one of them has); an import marks them as there.
 */
export async function importAttendance(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
  body: { fileBase64: string; mapping?: AttendanceMapping | undefined; mode: 'preview' | 'import' },
): Promise<AttendanceImportResult> {
  const event = await eventOrMissing(deps, id);
  const now = deps.clock.now();
  assertStarted(event, now);
  const report = await readAttendanceReport(body.fileBase64, body.mapping);
  const invited = await listInvitations(deps.db, id);
  const rows = matchAttendees(
    report.rows,
    invited.map((i) => ({ userId: i.userId, email: i.email, name: i.name })),
  );
  const people = [...new Set(rows.flatMap((r) => (r.userId === null ? [] : [r.userId])))];
  let marked = 0;
  if (body.mode === 'import' && people.length > 0) {
    const at = toInstant(now);
    marked = await deps.db.transaction().execute(async (trx) => {
      const n = await setAttendance(
        trx,
        id,
        people.map((userId) => ({ userId, attended: true })),
        { source: 'import', by: actor.userId, at },
      );
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'event.attendance_imported',
        entityType: 'event',
        entityId: id,
        details: { rows: rows.length, people: people.length, changed: n },
        at,
      });
      return n;
    });
  }
  const matched = rows.filter((r) => r.userId !== null).length;
  return {
    headings: report.headings,
    mapping: report.mapping,
    rows,
    counts: { total: rows.length, matched, unmatched: rows.length - matched, marked },
    imported: body.mode === 'import',
  };
}
