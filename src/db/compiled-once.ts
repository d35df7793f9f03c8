import type { Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './executor.ts';

/** A scalar a query compares with: what may stand in for a compiled query's parameter. */
type Scalar = string | number | null;

/** Where each of a compiled query's parameters comes from: the call's argument at `arg`, or a constant. */
type Slot = { arg: number } | { value: unknown };

interface Template<R> {
  query: CompiledQuery<R>;
  slots: Slot[];
}

/** A value no caller passes: it marks where an argument lands among the parameters. */
const marker = (i: number) => `\u0000compiled-once argument ${i}\u0000`;

/**
 * A query that Kysely builds and compiles once per kind of database, then runs with each call's
 * arguments. Building and compiling a query costs Kysely 10–15 µs, more than SQLite takes to run
 * an indexed lookup (the session of every signed-in request, a participant's match page), and it
 * makes most of the garbage of such a request. `build` is called with markers in place of the
 * arguments, so it must use each argument as a plain value (`where('id', '=', id)`), never in
 * the SQL text (`sql.raw`, `sql.lit`) nor as a list (`in`): both are refused on first use.
 * Plugins are not applied (the app adds none), so this is for the hot paths, where it pays.
 */
export function compiledOnce<A extends Scalar[], R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => CompiledQuery<R> {
  // By the dialect's adapter class: SQLite and PostgreSQL write different SQL for the same query.
  const templates = new Map<unknown, Template<R>>();
  return (db, ...args) => {
    const kind = db.getExecutor().adapter.constructor;
    let template = templates.get(kind);
    if (template === undefined) {
      template = compile(db, build, args.length);
      templates.set(kind, template);
    }
    const parameters = template.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    return { ...template.query, parameters };
  };
}

function compile<A extends Scalar[], R>(db: Executor, build: (db: Executor, ...args: A) => Compilable<R>, count: number): Template<R> {
  const markers = Array.from({ length: count }, (_, i) => marker(i));
  const query = build(db, ...(markers as A)).compile();
  const used = new Set<number>();
  const slots = query.parameters.map((p): Slot => {
    const arg = markers.indexOf(p as string);
    if (arg < 0) return { value: p };
    used.add(arg);
    return { arg };
  });
  if (markers.some((m) => query.sql.includes(m)) || used.size !== count) {
    throw new Error(`compiledOnce: every argument must be a plain parameter of the query, used at least once:\n${query.sql}`);
  }
  return { query, slots };
}
