import type { Executor } from '../../db/executor.ts';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { ApplicationRole } from '../../shared/application-vocabulary.ts';
import { answerColumns } from './applications.store.ts';

/**
 * The write of an import: accounts for people new to Tandem and an application each, many rows per
 * statement. Row by row, 5,000 rows took 2.2 s (three statements a row, each compiled by Kysely);
 * a statement per few hundred rows writes 100,000 in about a second.
 */

export interface ImportedRow {
  email: string;
  name: string;
  role: ApplicationRole;
  answers: ApplicationAnswers;
}

/** Rows per statement: 27 columns of an application each, under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes the rows inside the caller's transaction. People are found by e-mail address; those not
 * found get an account with no password and no role, as one made by hand would. Returns how many
 * accounts were made. A person who applied in the meantime makes the whole write fail on the
 * applications' unique key, which the caller turns into a conflict.
 */
export async function insertImportedRows(
  trx: Executor,
  periodId: number,
  rows: readonly ImportedRow[],
  at: string,
  onRows: (written: number) => void = () => undefined,
): Promise<{ accountsCreated: number }> {
  let accountsCreated = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    // A file may hold one person twice (as mentor and mentee): one account, named by the first row.
    const nameOf = new Map<string, string>();
    for (const r of chunk) if (!nameOf.has(r.email)) nameOf.set(r.email, r.name);
    const emails = [...nameOf.keys()];
    const made = await trx
      .insertInto('users')
      .values(
        emails.map((email) => ({
          email,
          name: nameOf.get(email) ?? email,
          password_hash: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    accountsCreated += Number(made.numInsertedOrUpdatedRows ?? 0);
    const found = await trx.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute();
    const idOf = new Map(found.map((u) => [u.email, u.id]));
    await trx
      .insertInto('applications')
      .values(
        chunk.map((r) => {
          const userId = idOf.get(r.email);
          if (userId === undefined) throw new Error(`No account for ${r.email} after writing it.`);
          return {
            period_id: periodId,
            user_id: userId,
            role: r.role,
            status: 'submitted' as const,
            ...answerColumns(r.answers),
            decision_reason: null,
            carry_forward: 0,
            carried_from_id: null,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
    onRows(start + chunk.length);
  }
  return { accountsCreated };
}
