import { calendarDateIn } from '../../time/calendar-date.ts';
import { addDays, startOfDay } from '../../time/zoned.ts';

/**
 * The instant that splits a period's matches into "due day over" and "not yet", so the database
 * can find overdue sheets with one comparison on matched_at. A sheet is due on the match day (in
 * the program's time zone) plus the deadline, and overdue once that day is over: due day before
 * today, that is match day before today minus the deadline. The match day only grows with
 * matched_at, so that is "matched before the start of that day". Pure: `now` is passed in.
 */
export function overdueIfMatchedBefore(now: Date, s: { timeZone: string; goalSheetDeadlineDays: number }): string {
  const today = calendarDateIn(s.timeZone, now);
  return startOfDay(addDays(today, -s.goalSheetDeadlineDays), s.timeZone).toISOString();
}
