import type { Selectable } from 'kysely';
import type { ApplicationImportsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import type { ImportResult } from '../../shared/api/applications.ts';
import type { ImportMode } from '../../shared/api/application-imports.ts';

export type ImportRow = Selectable<ApplicationImportsTable>;

export async function insertImport(
  db: Executor,
  i: { periodId: number; createdBy: number; mode: ImportMode; fileBytes: number; at: string },
): Promise<ImportRow> {
  return db
    .insertInto('application_imports')
    .values({
      period_id: i.periodId,
      created_by: i.createdBy,
      mode: i.mode,
      status: 'running',
      file_bytes: i.fileBytes,
      result: null,
      error_code: null,
      error_message: null,
      created_at: i.at,
      finished_at: null,
      heartbeat_at: i.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findImport(db: Executor, id: number): Promise<ImportRow | undefined> {
  return db.selectFrom('application_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Only a running import is finished: a second report (or a late one after an interruption) changes nothing. */
export async function finishImport(db: Executor, id: number, result: ImportResult, at: string): Promise<void> {
  await db
    .updateTable('application_imports')
    .set({ status: 'done', result: JSON.stringify(result), finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function failImport(db: Executor, id: number, error: { code: string; message: string }, at: string): Promise<void> {
  await db
    .updateTable('application_imports')
    .set({ status: 'failed', error_code: error.code, error_message: error.message, finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function saveImportHeartbeat(db: Executor, ids: readonly number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('application_imports').set({ heartbeat_at: at }).where('id', 'in', ids).where('status', '=', 'running').execute();
}

/** A period's latest imports, newest first, with the name of whoever sent each file. */
export async function listImportsOfPeriod(
  db: Executor,
  periodId: number,
  limit: number,
): Promise<(ImportRow & { created_by_name: string | null })[]> {
  return db
    .selectFrom('application_imports as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select('u.name as created_by_name')
    .where('i.period_id', '=', periodId)
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

/** Forgets the imports started before `at` (one still "running" that long ago stopped with its server). */
export async function deleteImportsCreatedBefore(db: Executor, at: string): Promise<void> {
  await db.deleteFrom('application_imports').where('created_at', '<', at).execute();
}
