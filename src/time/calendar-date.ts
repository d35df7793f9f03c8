/**
 * Calendar dates (YYYY-MM-DD) as people in the program's time zone see them. Pure: the
 * instant is always passed in.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Dates already worked out, by zone and instant (a page over thousands of matches asks the same ones). */
const dates = new Map<string, string>();
const MAX_DATES = 20_000;

/** The date it is in `timeZone` at `instant`. */
export function calendarDateIn(timeZone: string, instant: Date): string {
  const key = `${timeZone} ${instant.getTime()}`;
  const known = dates.get(key);
  if (known !== undefined) return known;
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (dates.size >= MAX_DATES) dates.clear();
  dates.set(key, date);
  return date;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date (rejects 2026-02-30). */
export function isValidCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}
