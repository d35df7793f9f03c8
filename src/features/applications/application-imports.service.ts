import { checkedCsvBytes } from '../../csv/uploaded-csv.ts';
import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { importMappingSchema } from '../../shared/api/application-imports.ts';
import { RECENT_IMPORTS } from '../../shared/api/application-imports.ts';
import type { ApplicationImport, ApplicationImportSummary, ImportMode } from '../../shared/api/application-imports.ts';
import { importResultSchema } from '../../shared/api/applications.ts';
import type { ImportResult } from '../../shared/api/applications.ts';
import { DAY_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { deleteImportsCreatedBefore, findImport, finishImport, insertImport, listImportsOfPeriod } from './application-imports.store.ts';
import type { ImportRow } from './application-imports.store.ts';
import { importExecutorFor, INTERRUPTED, waitForImport } from './import-executor.ts';

/**
 * Imports of big CSV files in the background (issue #16): the request hands the file to a worker
 * thread and is answered at once; the import's page asks for its progress. The checks that need
 * no reading of the rows (the period, the mapping, an empty or non-UTF-8 file) are answered in the
 * request itself.
 */

/**
 * An import whose instance has not said it is alive for this long has stopped with its server. The
 * instance says so every few seconds (import-executor.ts), except while rows are written: 100,000
 * take a second or two.
 */
const ABANDONED_AFTER_MS = 60 * 1000;

/**
 * Imports one instance runs at once: each holds its file and its rows in memory (a few hundred MB
 * for 100,000 rows) and a thread, and on SQLite their writes take turns anyway.
 */
const MAX_RUNNING_IMPORTS = 2;

/**
 * How long an import's record is kept: long enough to look back on a season's imports, not for
 * ever, since a result lists the rows with problems by name and e-mail address.
 */
export const KEEP_IMPORTS_MS = 90 * DAY_MS;

function parseMapping(text: string | undefined) {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidInputError('INVALID_MAPPING', 'mapping must be JSON: {"field": "column heading", …}.');
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidInputError(
      'INVALID_MAPPING',
      'mapping names a field Tandem does not have, or a heading is not text.',
      parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** The file's bytes without a BOM (refused unless UTF-8, as every upload is), and not empty. */
function checkedFile(file: Buffer): Buffer {
  const bytes = checkedCsvBytes(file);
  if (bytes.toString('utf8', 0, Math.min(bytes.length, 4096)).trim() === '') {
    throw new RuleViolationError('CSV_EMPTY', 'The file is empty: it needs a heading row and one row per application.');
  }
  return bytes;
}

export async function startFileImport(
  deps: Deps,
  actor: Actor,
  periodId: number,
  request: { mode: ImportMode; mapping?: string | undefined },
  file: Buffer,
): Promise<ApplicationImport> {
  assertRowId(periodId, 'period');
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  if (period.status === 'closed') throw new ConflictError('PERIOD_CLOSED', 'A closed period can no longer take applications.');
  const mapping = parseMapping(request.mapping);
  const bytes = checkedFile(file);
  const place = importExecutorFor(deps).reserve(MAX_RUNNING_IMPORTS);
  if (!place) throw new ConflictError('IMPORTS_BUSY', 'Two imports are running already. Send the file again when one of them is done.');
  const at = toInstant(deps.clock.now());
  let row: ImportRow;
  try {
    // Records past their keeping time go as a new one comes: they list applicants' names and e-mail addresses.
    await deleteImportsCreatedBefore(deps.db, toInstant(new Date(deps.clock.now().getTime() - KEEP_IMPORTS_MS)));
    row = await insertImport(deps.db, { periodId, createdBy: actor.userId, mode: request.mode, fileBytes: file.length, at });
  } catch (err) {
    place.release();
    throw err;
  }
  // A copy the worker owns: the request's buffer may be a slice of a pooled one.
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  place.start(row.id, {
    importId: row.id,
    connection: { databaseUrl: deps.config.databaseUrl, sqliteFile: deps.config.sqliteFile },
    periodId,
    actorId: actor.userId,
    mode: request.mode,
    mapping,
    at,
    file: own,
  });
  return toView(deps, row);
}

export async function getFileImport(deps: Deps, id: number): Promise<ApplicationImport> {
  assertRowId(id, 'import');
  const row = await findImport(deps.db, id);
  if (!row) throw new NotFoundError('import');
  return toView(deps, row);
}

/** A period's latest imports, newest first, as its import page lists them. */
export async function listFileImports(deps: Deps, periodId: number): Promise<ApplicationImportSummary[]> {
  assertRowId(periodId, 'period');
  if (!(await findPeriod(deps.db, periodId))) throw new NotFoundError('period');
  const rows = await listImportsOfPeriod(deps.db, periodId, RECENT_IMPORTS);
  return rows.map(({ created_by_name, ...row }) => {
    const { result, ...view } = toView(deps, row);
    return {
      ...view,
      createdBy: row.created_by === null || created_by_name === null ? null : { userId: row.created_by, name: created_by_name },
      counts: result?.counts ?? null,
      unmapped: result?.unmapped ?? null,
    };
  });
}

/** An import that ran before (the demo's): its record, done, with its result. */
export async function recordPastImport(
  deps: Pick<Deps, 'db'>,
  past: { periodId: number; createdBy: number; mode: ImportMode; fileBytes: number; at: string; finishedAt: string; result: ImportResult },
): Promise<void> {
  const row = await insertImport(deps.db, past);
  await finishImport(deps.db, row.id, importResultSchema.parse(past.result), past.finishedAt);
}

/** Resolves when the import has its final state in the database (tests and scripts). */
export const waitForFileImport = waitForImport;

function toView(deps: Deps, row: ImportRow): ApplicationImport {
  const progress = row.status === 'running' ? importExecutorFor(deps).progress(row.id) : undefined;
  const abandoned =
    row.status === 'running' && progress === undefined && deps.clock.now().getTime() - Date.parse(row.heartbeat_at) > ABANDONED_AFTER_MS;
  return {
    id: row.id,
    periodId: row.period_id,
    mode: row.mode,
    status: abandoned ? 'failed' : row.status,
    progress: progress ? { step: progress.step, done: progress.done, total: progress.total } : null,
    fileBytes: row.file_bytes,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    result: row.result === null ? null : importResultSchema.parse(JSON.parse(row.result)),
    error: abandoned ? INTERRUPTED : row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
  };
}
