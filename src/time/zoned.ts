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

/** `date` plus `days` calendar days (negative goes back). Calendar arithmetic: no time zone involved. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = parts(date);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
