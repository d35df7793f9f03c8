import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { removeStoredFile } from '../../files/stored-files.ts';
import type { StoredFile } from '../../files/stored-files.ts';
import type { EventView } from '../../shared/api/events.ts';
import type { EventKind, EventMediaKind } from '../../shared/events.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { visibleEvent } from './event-access.ts';
import { listPeriods } from '../periods/periods.service.ts';
import { eventPhase, maySeeArchive, periodOfEvent } from './event.rules.ts';
import { invitedEventIds } from './events.store.ts';
import { deleteMedia, findMedia, replaceMedia } from './event-media.store.ts';
import { clockOf, eventViews } from './event-view.ts';
import { findEvent, listArchivedEvents, updateEvent } from './events.store.ts';
import type { EventRecord } from './events.store.ts';

const NOT_HAPPENED = () =>
  new ConflictError('EVENT_NOT_HAPPENED', 'A recording or slides can be attached once the event has started, not before.');

async function viewAfter(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<EventView> {
  const event = await findEvent(deps.db, id);
  if (!event) throw new NotFoundError('event');
  return (await eventViews(deps.db, [event], actor.userId, deps.clock.now()))[0]!;
}

function assertHappened(event: EventRecord, now: Date): void {
  const phase = eventPhase(clockOf(event), now);
  if (phase !== 'happening' && phase !== 'past') throw NOT_HAPPENED();
}

/**
 * Attaches a link or an uploaded file as the event's recording or slides, replacing what was
 * there. Refused before the event starts. The old file is removed only after commit; a new file
 * of a refused change is removed at once.
 */
export async function attachMedia(
  deps: Deps,
  actor: Actor,
  eventId: number,
  kind: EventMediaKind,
  what: { url: string } | { file: StoredFile },
): Promise<EventView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  let replaced: string | null = null;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const event = await findEvent(trx, eventId);
      if (!event) throw new NotFoundError('event');
      if (event.status !== 'published') throw new ConflictError('EVENT_NOT_HELD', 'Only an event that took place can have a recording.');
      assertHappened(event, now);
      replaced = (await findMedia(trx, eventId, kind))?.file?.key ?? null;
      await replaceMedia(trx, {
        eventId,
        kind,
        url: 'url' in what ? what.url : null,
        file: 'file' in what ? what.file : null,
        by: actor.userId,
        at,
      });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: `event.${kind}_attached`,
        entityType: 'event',
        entityId: eventId,
        details: 'url' in what ? { url: what.url } : { fileName: what.file.name, size: what.file.size },
        at,
      });
    });
  } catch (err) {
    if ('file' in what) await removeStoredFile(deps.config.uploadDir, what.file.key);
    throw err;
  }
  if (replaced) await removeStoredFile(deps.config.uploadDir, replaced);
  return viewAfter(deps, actor, eventId);
}

export async function detachMedia(deps: Deps, actor: Actor, eventId: number, kind: EventMediaKind): Promise<EventView> {
  const at = toInstant(deps.clock.now());
  const removed = await deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, eventId);
    if (!event) throw new NotFoundError('event');
    const media = await findMedia(trx, eventId, kind);
    if (!media) throw new NotFoundError(kind);
    await deleteMedia(trx, eventId, kind);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `event.${kind}_removed`,
      entityType: 'event',
      entityId: eventId,
      details: {},
      at,
    });
    return media.file?.key ?? null;
  });
  if (removed) await removeStoredFile(deps.config.uploadDir, removed);
  return viewAfter(deps, actor, eventId);
}

/** The uploaded file of a recording or slides, for those who may see the event. */
export async function eventMediaFileFor(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  eventId: number,
  kind: EventMediaKind,
): Promise<{ file: StoredFile; storedAt: string }> {
  await visibleEvent(deps.db, actor, eventId, deps.clock.now());
  const media = await findMedia(deps.db, eventId, kind);
  if (!media?.file) throw new NotFoundError('file');
  return { file: media.file, storedAt: media.addedAt };
}

/** Whether later cohorts (every mentor and mentee) may watch the recording, or only its audience. */
export async function setSharing(deps: Deps, actor: Actor, eventId: number, openToLaterCohorts: boolean): Promise<EventView> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, eventId);
    if (!event) throw new NotFoundError('event');
    await updateEvent(trx, eventId, { open_to_later_cohorts: openToLaterCohorts ? 1 : 0 });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'event.sharing_changed',
      entityType: 'event',
      entityId: eventId,
      details: { openToLaterCohorts },
      at,
    });
  });
  return viewAfter(deps, actor, eventId);
}

/** Words that match an event in the archive search: title, description, host, place, period. */
function matchesSearch(e: EventRecord, q: string): boolean {
  if (q === '') return true;
  const hay = [e.title, e.description, e.host, e.place, e.periodName ?? ''].join(' ').toLocaleLowerCase('en');
  return q
    .toLocaleLowerCase('en')
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => hay.includes(w));
}

/** Past events with a recording or slides that this person may see, by period and kind, searchable. */
export async function listArchive(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  query: { q: string; kind?: EventKind | undefined; periodId?: number | undefined },
): Promise<{ events: EventView[]; periods: { id: number; name: string }[] }> {
  const now = deps.clock.now();
  const all = await listArchivedEvents(deps.db, toInstant(now));
  const invited = new Set(await invitedEventIds(deps.db, actor.userId));
  const isStaff = actor.roles.includes('staff');
  const visible = all.filter((e) =>
    maySeeArchive({
      isStaff,
      invited: invited.has(e.id),
      openToLaterCohorts: e.openToLaterCohorts,
      audience: e.audience,
      roles: actor.roles,
    }),
  );
  const allPeriods = await listPeriods(deps.db);
  const periodOf = new Map(visible.map((e) => [e.id, periodOfEvent(e, allPeriods)]));
  const used = new Set(periodOf.values());
  const periods = allPeriods.filter((p) => used.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
  const shown = visible.filter(
    (e) =>
      (query.kind === undefined || e.kind === query.kind) &&
      (query.periodId === undefined || periodOf.get(e.id) === query.periodId) &&
      matchesSearch(e, query.q),
  );
  return {
    events: await eventViews(deps.db, shown, actor.userId, now),
    periods,
  };
}
