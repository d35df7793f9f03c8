import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';

/**
 * `column` contains `text`, ignoring case, the same on SQLite and PostgreSQL: lower() on both
 * sides and LIKE with the wildcards in the text escaped. The escape character is `!`, not a
 * backslash, because PostgreSQL reads backslashes in literals differently depending on settings.
 * (SQLite's lower() folds ASCII letters only; PostgreSQL's folds every script. Names and
 * addresses in ASCII behave the same on both.)
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

/**
 * Any of `columns` (none of them null) contains `text`, ignoring case: the same answer as an OR of
 * containsText over each, with one lower() and one LIKE per row instead of one per column. The
 * columns are joined with a unit separator (U+001F) between them, which a search text cannot hold
 * (query strings refuse control characters), so no match can run across two columns.
 */
export function containsTextInAny(columns: readonly string[], text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const joined = sql.join(
    columns.map((c) => sql.ref(c)),
    sql` || ${UNIT_SEPARATOR} || `,
  );
  return sql<boolean>`lower(${joined}) like ${pattern} escape '!'`;
}

const UNIT_SEPARATOR = '\u001f';
