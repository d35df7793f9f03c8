import type { CompiledQuery } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { ApplicationRole } from '../../shared/application-vocabulary.ts';
import { answerColumns } from './applications.store.ts';

/**
 * The write of an import: accounts for people new to Tandem and an application each, many rows per
 * statement. Row by row, 5,000 rows took 2.2 s (three statements a row, each compiled by Kysely).
 * A statement of 500 rows is compiled once per size and run again with the next rows' values:
 * compiling 13,500 values took as long as SQLite took to write them.
 */

export interface ImportedRow {
  email: string;
  name: string;
  role: ApplicationRole;
  answers: ApplicationAnswers;
}

/** Rows per statement: 27 columns of an application each, under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

type Values = Record<string, unknown>;

/**
 * Runs a multi-row statement: compiled by `build` for the first chunk of a given length, then run
 * with each later chunk's values in the same order (Kysely binds a values list row by row, column
 * by column, in the order of the first row's keys; every row here has the same keys in the same order).
 */
function reusing<Q>(build: (rows: Values[]) => { compile(): CompiledQuery<Q> }) {
  const compiled = new Map<number, CompiledQuery<Q>>();
  return (rows: Values[]): CompiledQuery<Q> => {
    const known = compiled.get(rows.length);
    if (known === undefined) {
      const query = build(rows).compile();
      compiled.set(rows.length, query);
      return query;
    }
    const parameters: unknown[] = [];
    for (const row of rows) for (const key in row) parameters.push(row[key]);
    return { ...known, parameters };
  };
}

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
  const insertUsers = reusing((values) =>
    trx
      .insertInto('users')
      .values(values as never)
      .onConflict((oc) => oc.column('email').doNothing()),
  );
  const insertApplications = reusing((values) => trx.insertInto('applications').values(values as never));
  let accountsCreated = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    // A file may hold one person twice (as mentor and mentee): one account, named by the first row.
    const nameOf = new Map<string, string>();
    for (const r of chunk) if (!nameOf.has(r.email)) nameOf.set(r.email, r.name);
    const emails = [...nameOf.keys()];
    const made = await trx.executeQuery(
      insertUsers(emails.map((email) => ({ email, name: nameOf.get(email), password_hash: null, created_at: at, updated_at: at }))),
    );
    accountsCreated += Number(made.numAffectedRows ?? 0);
    const found = await trx.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute();
    const idOf = new Map(found.map((u) => [u.email, u.id]));
    const applications = chunk.map((r) => {
      const userId = idOf.get(r.email);
      if (userId === undefined) throw new Error(`No account for ${r.email} after writing it.`);
      return {
        period_id: periodId,
        user_id: userId,
        role: r.role,
        status: 'submitted',
        ...answerColumns(r.answers),
        decision_reason: null,
        carry_forward: 0,
        carried_from_id: null,
        created_at: at,
        updated_at: at,
      };
    });
    await trx.executeQuery(insertApplications(applications));
    onRows(start + chunk.length);
  }
  return { accountsCreated };
}
