import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { AttendanceImportResult, Attendee, EventView } from '../../shared/api/events.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { eventPhase } from './event.rules.ts';
import { matchAttendees, readAttendanceReport } from './attendance-csv.ts';
import type { AttendanceMapping } from './attendance-csv.ts';
import { countRsvps, listInvitations, listWaitlist, rolesOf, setAttendance } from './event-invitations.store.ts';
import type { RsvpCounts } from './event-invitations.store.ts';
import { clockOf, eventViews } from './event-view.ts';
import { findEvent } from './events.store.ts';
import type { EventRecord } from './events.store.ts';

async function eventOrMissing(deps: Pick<Deps, 'db'>, id: number): Promise<EventRecord> {
  const event = await findEvent(deps.db, id);
  if (!event) throw new NotFoundError('event');
  return event;
}

/** Everyone invited, with their answer, waitlist place and attendance: for staff. */
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
  const place = new Map(waitlist.map((w, index) => [w.id, index + 1]));
  const [view] = await eventViews(deps.db, [event], actor.userId, deps.clock.now());
  return {
    event: view!,
    attendees: invitations.map((i) => ({
      userId: i.userId,
      name: i.name,
      email: i.email,
      roles: roles.get(i.userId) ?? [],
      state: i.rsvp,
      respondedAt: i.respondedAt,
      waitlistPosition: place.get(i.id) ?? null,
      attended: i.attended,
      attendanceSource: i.attendanceSource,
      invitedAt: i.invitedAt,
    })),
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
