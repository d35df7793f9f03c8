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
