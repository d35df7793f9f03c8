import { calendarDateIn } from '../../time/calendar-date.ts';
import { addDays, daysBetween, endOfDay } from '../../time/zoned.ts';

/**
 * The dates that matter in a match's year, as people in the program's time zone see them.
 * Pure: the match instant and `now` are passed in. Every deadline is a calendar date; it is
 * met until that day ends in the program's time zone (so "due 31 March" means all of 31 March
 * in Chicago, whatever the server's TZ).
 */
export interface MatchDateSettings {
  timeZone: string;
  goalSheetDeadlineDays: number;
  guaranteeWindowDays: number;
}

export interface MatchDates {
  /** The day the match was made, in the program's time zone. */
  matchedOn: string;
  goalSheetDueOn: string;
  /** The last day a re-match may be asked for; null when the program has no guarantee window. */
  guaranteeClosesOn: string | null;
  programEndsOn: string;
}

export function matchDates(matchedAt: string, programEndsOn: string, s: MatchDateSettings): MatchDates {
  const matchedOn = calendarDateIn(s.timeZone, new Date(matchedAt));
  return {
    matchedOn,
    goalSheetDueOn: addDays(matchedOn, s.goalSheetDeadlineDays),
    guaranteeClosesOn: s.guaranteeWindowDays > 0 ? addDays(matchedOn, s.guaranteeWindowDays) : null,
    programEndsOn,
  };
}

/** Today's date in the program's time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return calendarDateIn(timeZone, now);
}

/** Calendar days from today (in the program's time zone) until `date`: 0 = today, negative = past. */
export function daysUntil(date: string, now: Date, timeZone: string): number {
  return daysBetween(todayIn(timeZone, now), date);
}

/** True when `at` (an instant) falls on or before the deadline day in the program's time zone. */
export function isOnOrBefore(at: Date, dueOn: string, timeZone: string): boolean {
  return at.getTime() < endOfDay(dueOn, timeZone).getTime();
}

/** True once the deadline day is over in the program's time zone. */
export function isPast(dueOn: string, now: Date, timeZone: string): boolean {
  return !isOnOrBefore(now, dueOn, timeZone);
}
