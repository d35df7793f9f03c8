import { isUniqueViolation } from '../../db/constraint-errors.ts';
import { assertRowId } from '../../db/row-id.ts';
import type { Kysely } from 'kysely';
import { decodeCsv, MAX_IMPORT_ROWS } from '../../csv/uploaded-csv.ts';
import type { Database } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { ImportMode } from '../../shared/api/application-imports.ts';
import type { ImportField, ImportResult } from '../../shared/api/applications.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { getSettings, listGoals } from '../programs/program.service.ts';
import { normaliseAnswers } from './application.rules.ts';
import { prepareImportBytes } from './applications-import.ts';
import type { ImportProgress } from './applications-import.ts';
import { listAppliedKeys } from './applications.store.ts';
import { insertImportedRows } from './imported-rows.store.ts';

/**
 * Imports applications from a CSV file into a period. People without an account get one with no
 * password (they choose one through "forgot password") and no participant role until their
 * application is accepted; nobody is e-mailed, so an import never surprises hundreds of people at
 * once. Everything is written in one transaction.
 */
export async function importApplications(
  deps: Deps,
  actor: Actor,
  periodId: number,
  input: { fileBase64: string; mapping?: Partial<Record<ImportField, string>> | undefined; mode: ImportMode },
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  return importCsv(
    deps.db,
    { actorId: actor.userId, periodId, mapping: input.mapping, mode: input.mode, at: toInstant(deps.clock.now()) },
    () => decodeCsv(input.fileBase64),
    { maxRows: MAX_IMPORT_ROWS, onProgress },
  );
}

export interface CsvImport {
  actorId: number;
  periodId: number;
  mapping?: Partial<Record<ImportField, string>> | undefined;
  mode: ImportMode;
  /** When the import began: the new accounts' and applications' time. */
  at: string;
}

/**
 * The import itself, on any connection: the small import's request, the CLI, and the background
 * import's worker thread (which has its own). `readBytes` gives the file's checked bytes, and is
 * called once the period is known to take applications.
 */
export async function importCsv(
  db: Kysely<Database>,
  job: CsvImport,
  readBytes: () => Promise<Buffer> | Buffer,
  options: {
    maxRows: number;
    onProgress?: ImportProgress | undefined;
    /** Keeps the outcome: inside the write's transaction when rows are written, so both or neither last. */
    recordOutcome?: ((db: Executor, result: ImportResult) => Promise<void>) | undefined;
  },
): Promise<ImportResult> {
  const { periodId, mode } = job;
  assertRowId(periodId, 'period');
  const settings = await getSettings({ db });
  const period = await findPeriod(db, periodId);
  if (!period) throw new NotFoundError('period');
  if (period.status === 'closed') throw new ConflictError('PERIOD_CLOSED', 'A closed period can no longer take applications.');

  const bytes = await readBytes();
  const [goals, appliedKeys] = await Promise.all([listGoals(db), listAppliedKeys(db, periodId)]);
  const program = { goals, channels: settings.channels, appliedKeys };
  const { result, rows } = await prepareImportBytes({ bytes, mapping: job.mapping }, program, options.maxRows, options.onProgress);
  const good = rows.flatMap((r) => (r.good ? [r.good] : []));
  const counts = { total: rows.length, good: good.length, bad: rows.length - good.length, imported: 0 };
  const write =
    result.unmapped.length === 0 && good.length > 0 && (mode === 'good-rows' || (mode === 'all-or-nothing' && counts.bad === 0));
  if (!write) {
    const unwritten = { ...result, counts, imported: false };
    await options.recordOutcome?.(db, unwritten);
    return unwritten;
  }

  const written = good.map((g) => ({ ...g, answers: normaliseAnswers(g.answers, g.role, settings.eligibilityQuestions) }));
  const imported = { ...result, counts: { ...counts, imported: good.length }, imported: true };
  // Said before the write begins: from here on, other writers on SQLite wait for this one.
  options.onProgress?.('writing', 0, good.length);
  try {
    await db.transaction().execute(async (trx) => {
      const { accountsCreated } = await insertImportedRows(trx, periodId, written, job.at, (done) =>
        options.onProgress?.('writing', done, good.length),
      );
      await recordAudit(trx, {
        actorId: job.actorId,
        action: 'applications.imported',
        entityType: 'period',
        entityId: periodId,
        details: { mode, rows: counts.total, imported: good.length, skipped: counts.bad, accountsCreated },
        at: job.at,
      });
      await options.recordOutcome?.(trx, imported);
    });
  } catch (err) {
    // Someone applied (or another import ran) between the check and the write.
    if (isUniqueViolation(err))
      throw new ConflictError('ALREADY_APPLIED', 'Some of these people applied while the file was being imported. Preview the file again.');
    throw err;
  }
  return imported;
}
