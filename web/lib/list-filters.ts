/** What one of a list's filters may hold to stand in the page's address. */
export type ParamValue = string | number | boolean | undefined;

/** A list's filters: each one something the address can hold. */
export type ListFilters<F> = { [K in keyof F]: ParamValue };

/**
 * `value` when it is one of `allowed`, else undefined: a choice read from the page's address (or a
 * select's value) is never trusted to be one the list knows.
 */
export const oneOf = <T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined =>
  allowed.find((a) => a === value);

/**
 * A list's filters as the page's address holds them: what is unset or empty is left out and the
 * rest is written as text (`false` too, where "no" is a choice of its own).
 */
export function filtersToParams<F extends ListFilters<F>>(filters: F): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
}

/** Whether any filter narrows the list, i.e. whether any goes in the address. */
export const isNarrowed = <F extends ListFilters<F>>(filters: F): boolean => Object.keys(filtersToParams(filters)).length > 0;
