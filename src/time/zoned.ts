import { TZDate } from '@date-fns/tz';

/**
 * Wall-clock times in a named time zone, turned into instants. Pure: no clock is read here.
 * Daylight-saving is handled by @date-fns/tz: a time that does not exist (the spring-forward gap)
 * moves forward by the gap, and a time that happens twice (fall back) means the first one.
 */

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Answers already worked out, by date, time and zone. Resolving a wall-clock time in a zone costs
 * tens of microseconds, and a period's health asks the same few hundred dates for every one of
 * thousands of matches. Bounded: emptied when it fills.
 */
const instants = new Map<string, number>();
const MAX_INSTANTS = 20_000;

/** The instant it is `hh:mm` on `date` in `timeZone`. */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const key = `${date} ${time} ${timeZone}`;
  const known = instants.get(key);
  // A new Date each time: callers own what they get.
  if (known !== undefined) return new Date(known);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t) throw new RangeError(`Not a time of day: ${time}`);
  const [y, mo, d] = parts(date);
  const ms = TZDate.tz(timeZone, y, mo - 1, d, Number(t[1]), Number(t[2])).getTime();
  if (instants.size >= MAX_INSTANTS) instants.clear();
  instants.set(key, ms);
  return new Date(ms);
}

/** The instant `date` begins in `timeZone` (local midnight, or the first moment after a gap). */
export function startOfDay(date: string, timeZone: string): Date {
  return instantAt(date, '00:00', timeZone);
}

/** The instant `date` is over in `timeZone`: the start of the next day. Due "on" a date means before this. */
export function endOfDay(date: string, timeZone: string): Date {
  return startOfDay(addDays(date, 1), timeZone);
}

/**
 * Calendar dates as day numbers (days since 1970-01-01) and back, remembered: a period's health
 * does this arithmetic for every one of tens of thousands of matches and hundreds of thousands of
 * contact days, over a few hundred distinct dates. Bounded: emptied when full.
 */
const dayNumbers = new Map<string, number>();
const datesOfDay = new Map<number, string>();
const MAX_DAYS = 20_000;
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const [y, mo, d] = parts(date);
  const n = Date.UTC(y, mo - 1, d) / DAY_MS;
  if (dayNumbers.size >= MAX_DAYS) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

function dateOfDay(n: number): string {
  const known = datesOfDay.get(n);
  if (known !== undefined) return known;
  const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
  if (datesOfDay.size >= MAX_DAYS) datesOfDay.clear();
  datesOfDay.set(n, date);
  return date;
}

/** `date` plus `days` calendar days (negative goes back). Calendar arithmetic: no time zone involved. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday of the week `date` is in (1970-01-05 was a Monday). */
export function mondayOf(date: string): string {
  const n = dayNumber(date);
  return dateOfDay(n - ((((n - 4) % 7) + 7) % 7));
}

/**
 * The ISO-8601 week a calendar date is in, e.g. '2026-W46': weeks start on Monday, and week 1 is
 * the one with the year's first Thursday (so 1 January 2027, a Friday, is in 2026-W53).
 */
export function isoWeekOf(date: string): string {
  const [y, mo, d] = parts(date);
  const day = new Date(Date.UTC(y, mo - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
