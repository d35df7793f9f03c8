import { isUniqueViolation } from '../../db/constraint-errors.ts';
import { nextTurn } from '../../csv/uploaded-csv.ts';
import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { ImportField, ImportResult } from '../../shared/api/applications.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { findUserIdByEmail, insertUser } from '../accounts/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { getSettings, listGoals } from '../programs/program.service.ts';
import { normaliseAnswers } from './application.rules.ts';
import { prepareImport } from './applications-import.ts';
import type { ImportProgress } from './applications-import.ts';
import { insertApplication, listAppliedKeys } from './applications.store.ts';

export type ImportMode = 'preview' | 'all-or-nothing' | 'good-rows';

/** Rows written between two turns of the event loop (about 3 queries each). */
const ROWS_PER_WRITE_SLICE = 50;

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
  assertRowId(periodId, 'period');
  const settings = await getSettings(deps);
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  if (period.status === 'closed') throw new ConflictError('PERIOD_CLOSED', 'A closed period can no longer take applications.');

  const [goals, appliedKeys] = await Promise.all([listGoals(deps.db), listAppliedKeys(deps.db, periodId)]);
  const { result, rows } = await prepareImport(input, { goals, channels: settings.channels, appliedKeys }, onProgress);
  const good = rows.flatMap((r) => (r.good ? [r.good] : []));
  const counts = { total: rows.length, good: good.length, bad: rows.length - good.length, imported: 0 };
  const write =
    result.unmapped.length === 0 &&
    good.length > 0 &&
    (input.mode === 'good-rows' || (input.mode === 'all-or-nothing' && counts.bad === 0));
  if (!write) return { ...result, counts, imported: false };

  const now = deps.clock.now();
  const at = toInstant(now);
  try {
    await deps.db.transaction().execute(async (trx) => {
      let accountsCreated = 0;
      for (const [k, g] of good.entries()) {
        // SQLite answers synchronously, so 5,000 rows would otherwise hold the event loop for the
        // whole write; other requests get a turn now and then (their queries wait for the commit).
        if (k > 0 && k % ROWS_PER_WRITE_SLICE === 0) await nextTurn();
        let userId = await findUserIdByEmail(trx, g.email);
        if (userId === undefined) {
          userId = await insertUser(trx, { email: g.email, name: g.name, passwordHash: null, at });
          accountsCreated += 1;
        }
        const answers = normaliseAnswers(g.answers, g.role, settings.eligibilityQuestions);
        await insertApplication(trx, { periodId, userId, role: g.role, answers, at });
        if ((k + 1) % ROWS_PER_WRITE_SLICE === 0 || k + 1 === good.length) onProgress?.('writing', k + 1, good.length);
      }
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'applications.imported',
        entityType: 'period',
        entityId: periodId,
        details: { mode: input.mode, rows: counts.total, imported: good.length, skipped: counts.bad, accountsCreated },
        at,
      });
    });
  } catch (err) {
    // Someone applied (or another import ran) between the check and the write.
    if (isUniqueViolation(err))
      throw new ConflictError('ALREADY_APPLIED', 'Some of these people applied while the file was being imported. Preview the file again.');
    throw err;
  }
  return { ...result, counts: { ...counts, imported: good.length }, imported: true };
}
