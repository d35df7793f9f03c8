import type { Selectable } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { ResourcesTable } from '../../db/database.ts';
import { storedValue } from '../../db/stored-value.ts';
import { AUDIENCES, RESOURCE_KINDS } from '../../shared/api/resources.ts';
import type { Audience, ResourceKind } from '../../shared/api/resources.ts';

import type { StoredFile } from '../../files/stored-files.ts';

export type { StoredFile };

export interface ResourceRecord {
  id: number;
  position: number;
  title: string;
  description: string;
  kind: ResourceKind;
  audience: Audience;
  topic: string;
  url: string | null;
  file: StoredFile | null;
  createdAt: string;
  updatedAt: string;
}

function toRecord(r: Selectable<ResourcesTable>): ResourceRecord {
  return {
    id: r.id,
    position: r.position,
    title: r.title,
    description: r.description,
    kind: storedValue('resources', 'kind', RESOURCE_KINDS, r.kind),
    audience: storedValue('resources', 'audience', AUDIENCES, r.audience),
    topic: r.topic,
    url: r.url,
    file:
      r.file_key === null
        ? null
        : { key: r.file_key, name: r.file_name ?? 'file', type: r.file_type ?? 'application/octet-stream', size: r.file_size ?? 0 },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Resources for the given audiences, by position (the service sorts by topic). */
export async function listResources(db: Executor, audiences: readonly Audience[]): Promise<ResourceRecord[]> {
  if (audiences.length === 0) return [];
  const rows = await db.selectFrom('resources').selectAll().where('audience', 'in', audiences).orderBy('position').orderBy('id').execute();
  return rows.map(toRecord);
}

export async function findResource(db: Executor, id: number): Promise<ResourceRecord | undefined> {
  const row = await db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function nextResourcePosition(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('resources')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export type NewResource = Omit<ResourceRecord, 'id' | 'createdAt' | 'updatedAt'> & { createdBy: number; at: string };

export async function insertResource(db: Executor, r: NewResource): Promise<number> {
  const row = await db
    .insertInto('resources')
    .values({
      position: r.position,
      title: r.title,
      description: r.description,
      kind: r.kind,
      audience: r.audience,
      topic: r.topic,
      url: r.url,
      file_key: r.file?.key ?? null,
      file_name: r.file?.name ?? null,
      file_type: r.file?.type ?? null,
      file_size: r.file?.size ?? null,
      created_by: r.createdBy,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateResource(
  db: Executor,
  id: number,
  patch: {
    title?: string | undefined;
    description?: string | undefined;
    kind?: ResourceKind | undefined;
    audience?: Audience | undefined;
    topic?: string | undefined;
    url?: string | undefined;
  },
  at: string,
): Promise<void> {
  await db
    .updateTable('resources')
    .set({
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.audience !== undefined && { audience: patch.audience }),
      ...(patch.topic !== undefined && { topic: patch.topic }),
      ...(patch.url !== undefined && { url: patch.url }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteResource(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('resources').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
