import type { Database } from './database.ts';

/**
 * The table types promise that a status, role or kind column holds one of a fixed set of words,
 * but nothing in SQL keeps that promise (a hand edit, a row written by a newer version). A store
 * reading such a column checks the word here: a value the database should never hold is an error
 * that says where it was found, never quietly read as some other word.
 */
export class UnknownStoredValueError extends Error {
  override readonly name = 'UnknownStoredValueError';

  constructor(
    readonly table: string,
    readonly column: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`${table}.${column} holds ${describe(value)}, which is not ${expected}.`);
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

type Column<Table extends keyof Database> = keyof Database[Table] & string;

/** `value`, read from `table.column`, if it is one of `allowed`; otherwise an UnknownStoredValueError. */
export function storedValue<Table extends keyof Database, const T extends string>(
  table: Table,
  column: Column<Table>,
  allowed: readonly T[],
  value: unknown,
): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new UnknownStoredValueError(table, column, value, `one of: ${allowed.join(', ')}`);
}

/** A list stored as JSON in `table.column` (already parsed), every item checked as storedValue checks one. */
export function storedValues<Table extends keyof Database, const T extends string>(
  table: Table,
  column: Column<Table>,
  allowed: readonly T[],
  values: unknown,
): T[] {
  if (!Array.isArray(values)) throw new UnknownStoredValueError(table, column, values, `a list of: ${allowed.join(', ')}`);
  return values.map((value: unknown) => storedValue(table, column, allowed, value));
}
