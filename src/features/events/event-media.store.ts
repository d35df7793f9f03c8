import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { EVENT_MEDIA_KINDS } from '../../shared/events.ts';
import type { EventMediaKind } from '../../shared/events.ts';

export interface EventMediaRecord {
  eventId: number;
  kind: EventMediaKind;
  url: string | null;
  file: { key: string; name: string; type: string; size: number } | null;
  addedAt: string;
}

export async function listMedia(db: Executor, eventIds: readonly number[]): Promise<EventMediaRecord[]> {
  if (eventIds.length === 0) return [];
  const rows = await db.selectFrom('event_media').selectAll().where('event_id', 'in', eventIds).execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    kind: storedValue('event_media', 'kind', EVENT_MEDIA_KINDS, r.kind),
    url: r.url,
    file:
      r.file_key !== null && r.file_name !== null && r.file_type !== null && r.file_size !== null
        ? { key: r.file_key, name: r.file_name, type: r.file_type, size: r.file_size }
        : null,
    addedAt: r.added_at,
  }));
}

export async function findMedia(db: Executor, eventId: number, kind: EventMediaKind): Promise<EventMediaRecord | undefined> {
  return (await listMedia(db, [eventId])).find((m) => m.kind === kind);
}

/** Puts a link or a file in the slot (replacing what was there); the caller removes an old file. */
export async function replaceMedia(
  db: Executor,
  v: {
    eventId: number;
    kind: EventMediaKind;
    url: string | null;
    file: { key: string; name: string; type: string; size: number } | null;
    by: number;
    at: string;
  },
): Promise<void> {
  await db.deleteFrom('event_media').where('event_id', '=', v.eventId).where('kind', '=', v.kind).execute();
  await db
    .insertInto('event_media')
    .values({
      event_id: v.eventId,
      kind: v.kind,
      url: v.url,
      file_key: v.file?.key ?? null,
      file_name: v.file?.name ?? null,
      file_type: v.file?.type ?? null,
      file_size: v.file?.size ?? null,
      added_by: v.by,
      added_at: v.at,
    })
    .execute();
}

export async function deleteMedia(db: Executor, eventId: number, kind: EventMediaKind): Promise<void> {
  await db.deleteFrom('event_media').where('event_id', '=', eventId).where('kind', '=', kind).execute();
}
