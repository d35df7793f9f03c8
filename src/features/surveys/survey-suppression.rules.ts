/**
 * Which groups of respondents results may show (PRODUCT.md §10, decision 0012).
 *
 * A breakdown splits the respondents by one attribute (role, period, region…). Showing several
 * breakdowns side by side also shows, by difference, any group that can be added and subtracted
 * out of the ones on screen: with "everyone", "mentors" and "people in the North" visible, the
 * North's mentees may be one subtraction away. Every group derivable that way is a union of
 * cells of the cross-tabulation of the breakdowns shown, so the rule is: a set of breakdowns may
 * be shown together only if every non-empty cell of their cross-tabulation holds at least the
 * threshold. Then no group smaller than the threshold can be seen, directly or by difference.
 *
 * Breakdowns are admitted greedily in the order given, so the set shown is decided once for a
 * question's respondents, never by what a reader asks for: asking for one breakdown, then another,
 * reveals no more than asking for both.
 */

export type Attributes = Readonly<Record<string, string>>;

/** Whether the people, split by all of `dims` at once, form only cells of `min` or more. */
export function crossCellsAtLeast(people: readonly Attributes[], dims: readonly string[], min: number): boolean {
  const cells = new Map<string, number>();
  for (const p of people) {
    const key = JSON.stringify(dims.map((d) => p[d] ?? ''));
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  for (const count of cells.values()) if (count < min) return false;
  return true;
}

/**
 * The breakdowns that may be shown for these respondents: none at all when they are fewer than
 * `min`; otherwise each dimension in turn, kept if it keeps every cross-cell at `min` or more.
 */
export function showableBreakdowns<D extends string>(people: readonly Attributes[], dims: readonly D[], min: number): D[] {
  if (people.length < min) return [];
  const shown: D[] = [];
  for (const d of dims) {
    if (crossCellsAtLeast(people, [...shown, d], min)) shown.push(d);
  }
  return shown;
}

/** The groups one breakdown splits people into (indexes into `people`), in alphabetical order of value. */
export function groupsBy(people: readonly Attributes[], dim: string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  people.forEach((p, i) => {
    const v = p[dim] ?? '';
    const list = groups.get(v);
    if (list) list.push(i);
    else groups.set(v, [i]);
  });
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
