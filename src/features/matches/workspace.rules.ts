import { daysBetween } from '../../time/zoned.ts';
import { todayIn } from './match-dates.rules.ts';

/**
 * The pure parts of a match's workspace: whether the pair could meet in person, the program goals
 * they share, and how their keeping in touch is going. Every date is a calendar date in the
 * program's time zone; `now` is always passed in.
 */

export interface InPersonAnswers {
  region: string;
  meetInPerson: boolean;
}

/**
 * True when both people live in the same region and both said they would meet in person. The
 * model program is virtual; a close pair is only told that meeting is possible (and about
 * conference meet-ups), never asked to.
 */
export function meetInPersonHint(a: InPersonAnswers, b: InPersonAnswers): boolean {
  const region = a.region.trim().toUpperCase();
  return region !== '' && region === b.region.trim().toUpperCase() && a.meetInPerson && b.meetInPerson;
}

/** Program goals both people chose, ascending and without repeats. */
export function sharedGoalIds(a: readonly number[], b: readonly number[]): number[] {
  const theirs = new Set(b);
  return [...new Set(a.filter((id) => theirs.has(id)))].sort((x, y) => x - y);
}

/** The first day of the month `date` is in, and the first day of the next (the range's end, not in it). */
export function monthOf(date: string): { from: string; until: string } {
  const from = `${date.slice(0, 7)}-01`;
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const until = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, until };
}

/** Quiet is counted from the later of the match day and the last logged contact. */
export function lastTouchOn(matchedOn: string, lastContactOn: string | null): string {
  return lastContactOn !== null && lastContactOn > matchedOn ? lastContactOn : matchedOn;
}

/** Whole days from the last touch (match or contact) to `today`; 0 on the day itself. */
export function daysWithoutContact(matchedOn: string, lastContactOn: string | null, today: string): number {
  return Math.max(0, daysBetween(lastTouchOn(matchedOn, lastContactOn), today));
}

export interface QuietInput {
  matchedOn: string;
  lastContactOn: string | null;
  quietAfterWeeks: number;
}

/** A match is quiet once `quietAfterWeeks` whole weeks have gone by with no contact logged. */
export function isQuiet(input: QuietInput, today: string): boolean {
  return daysWithoutContact(input.matchedOn, input.lastContactOn, today) >= input.quietAfterWeeks * 7;
}

export interface CadenceSettings {
  timeZone: string;
  contactsPerMonth: number;
  quietAfterWeeks: number;
}

export interface CadenceInput {
  matchedOn: string;
  lastContactOn: string | null;
  contactsThisMonth: number;
  /** An ended match is never "quiet": nobody is expected to keep in touch any more. */
  active: boolean;
}

export interface ContactCadence {
  contactsPerMonth: number;
  lastContactOn: string | null;
  contactsThisMonth: number;
  quietAfterWeeks: number;
  quiet: boolean;
}

/** The "Keeping in touch" numbers of a match, as of `now`. */
export function contactCadence(input: CadenceInput, s: CadenceSettings, now: Date): ContactCadence {
  const today = todayIn(s.timeZone, now);
  return {
    contactsPerMonth: s.contactsPerMonth,
    lastContactOn: input.lastContactOn,
    contactsThisMonth: input.contactsThisMonth,
    quietAfterWeeks: s.quietAfterWeeks,
    quiet:
      input.active &&
      isQuiet({ matchedOn: input.matchedOn, lastContactOn: input.lastContactOn, quietAfterWeeks: s.quietAfterWeeks }, today),
  };
}
