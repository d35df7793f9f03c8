import { calendarDateIn } from '../../time/calendar-date.ts';
import { daysBetween } from '../../time/zoned.ts';

/**
 * Who has earned a recognition letter (PRODUCT.md: "at the end of the period a mentor can download
 * a letter of recognition for their service"). Pure: every date and `now` are passed in.
 *
 * A mentor completed a period when
 *   1. the period is over: its program end date has passed in the program's time zone (the letter
 *      thanks someone for a year that is finished, so none exists on the last day itself), and
 *   2. at least one of their matches in that period ran to the end: it is still active, or it was
 *      ended on or after the program's last day (closing a pair on the final day is finishing, not
 *      leaving early).
 * A mentor whose only match ended early (the pair parted, or the mentee was re-matched to someone
 * else) did not complete. A mentor who was given a new mentee after a re-match and saw that match
 * through did complete.
 *
 * What the letter says about the service: every mentee the mentor was paired with in the period
 * counts as a partner (they gave each one their time, including a pair that ended early), and
 * the months run from the first match to the program's end. Mentees are counted, never named: the
 * letter is the mentor's to share, and a mentee's participation is theirs.
 */

export interface LetterMatch {
  menteeUserId: number;
  /** The instant the match was made. */
  matchedAt: string;
  /** The instant it ended, or null while it runs. */
  endedAt: string | null;
}

export interface LetterPeriod {
  programEndsOn: string;
}

export type Completion =
  | { completed: true; partners: number; firstMatchedOn: string; months: number }
  | { completed: false; reason: 'PERIOD_NOT_OVER' | 'NOT_A_MENTOR' | 'ENDED_EARLY' };

/** True once the program's last day is over in its time zone. */
export function periodIsOver(period: LetterPeriod, now: Date, timeZone: string): boolean {
  return calendarDateIn(timeZone, now) > period.programEndsOn;
}

/** A match ran to the end: still active, or ended on or after the program's last day (in its time zone). */
export function ranToTheEnd(match: LetterMatch, period: LetterPeriod, timeZone: string): boolean {
  if (match.endedAt === null) return true;
  return calendarDateIn(timeZone, new Date(match.endedAt)) >= period.programEndsOn;
}

/** Whole months of service, at least one: 30.44 days to a month, rounded to the nearest. */
export function monthsOfService(firstMatchedOn: string, programEndsOn: string): number {
  const days = Math.max(0, daysBetween(firstMatchedOn, programEndsOn));
  return Math.max(1, Math.round(days / 30.44));
}

/** Whether a mentor (with these matches in the period, as mentor) completed it at `now`. */
export function mentorCompletion(matches: readonly LetterMatch[], period: LetterPeriod, now: Date, timeZone: string): Completion {
  if (!periodIsOver(period, now, timeZone)) return { completed: false, reason: 'PERIOD_NOT_OVER' };
  if (matches.length === 0) return { completed: false, reason: 'NOT_A_MENTOR' };
  if (!matches.some((m) => ranToTheEnd(m, period, timeZone))) return { completed: false, reason: 'ENDED_EARLY' };
  const firstMatchedOn = matches.map((m) => calendarDateIn(timeZone, new Date(m.matchedAt))).sort()[0] ?? period.programEndsOn;
  return {
    completed: true,
    partners: new Set(matches.map((m) => m.menteeUserId)).size,
    firstMatchedOn,
    months: monthsOfService(firstMatchedOn, period.programEndsOn),
  };
}

/** Why there is no letter, in words for the person asking. */
export const NOT_COMPLETED_MESSAGES: Record<Exclude<Completion, { completed: true }>['reason'], string> = {
  PERIOD_NOT_OVER: 'Recognition letters are ready once the program year has ended.',
  NOT_A_MENTOR: 'There is no recognition letter here: this person was not a mentor in this period.',
  ENDED_EARLY: 'There is no recognition letter here: this mentor’s match ended before the program year did.',
};
