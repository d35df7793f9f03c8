/**
 * The program goals a CSV cell names. A cell lists goals separated by ";", each by id (the numbers
 * the export writes, so an export re-imports unchanged even after goals were renamed or reordered)
 * or by title as people see it on the form (any case, surrounding spaces ignored). Pure: the
 * program's goals come in.
 */

export interface GoalForCells {
  id: number;
  title: string;
  retired: boolean;
}

export type GoalCellsResult = { ok: true; ids: number[] } | { ok: false; message: string };

const comparableTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

const quoted = (items: readonly string[]) => items.map((t) => `"${t}"`).join(', ');

export function goalIdsFromCells(items: readonly string[], goals: readonly GoalForCells[]): GoalCellsResult {
  const byTitle = new Map<string, GoalForCells[]>();
  for (const goal of goals) {
    const key = comparableTitle(goal.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), goal]);
  }
  const ids: number[] = [];
  const unknown: string[] = [];
  const retired: string[] = [];
  const ambiguous: string[] = [];
  for (const item of items) {
    // Ids are checked against the current goals later, with the rest of the answers.
    if (/^\d+$/.test(item)) {
      ids.push(Number(item));
      continue;
    }
    const named = byTitle.get(comparableTitle(item)) ?? [];
    // A retired goal may share its title with the current one that replaced it.
    const current = named.filter((g) => !g.retired);
    const [only, ...others] = current;
    if (only && others.length === 0) ids.push(only.id);
    else if (only) ambiguous.push(`"${item}" (ids ${current.map((g) => g.id).join(', ')})`);
    else if (named.length > 0) retired.push(item);
    else unknown.push(item);
  }
  const problems = [
    unknown.length > 0 &&
      `The program has no goal called ${quoted(unknown)}; use the goal titles shown on the form, or their ids, separated by ";".`,
    retired.length > 0 && `The program goal ${quoted(retired)} is retired; choose from the current goals.`,
    ambiguous.length > 0 && `More than one current goal is called ${ambiguous.join(', ')}; use the id of the one you mean.`,
  ].filter((p): p is string => typeof p === 'string');
  return problems.length > 0 ? { ok: false, message: problems.join(' ') } : { ok: true, ids };
}
