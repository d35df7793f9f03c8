import { endOfDay } from '../../time/zoned.ts';
import { matchDates } from '../matches/match-dates.rules.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

/**
 * The re-match guarantee: either person may ask for a new partner until the window closes, the
 * match date plus the program's guarantee days, as a calendar date in the program's time zone.
 * The request is judged at the instant it arrives: the last day counts until it ends there (so a
 * request at 23:59 in Chicago on the closing day is in time, whatever the server's clock zone,
 * and across a daylight-saving change the day is as long as it really is). Pure: `now` is passed.
 */
export interface WindowSettings {
  timeZone: string;
  guaranteeWindowDays: number;
}

export interface RematchWindow {
  /** The last day a request is accepted; null when the program offers no guarantee. */
  closesOn: string | null;
  /** The instant the window closes (the end of `closesOn` in the program's time zone). */
  closesAt: string | null;
  open: boolean;
}

export function rematchWindow(matchedAt: string, s: WindowSettings, now: Date): RematchWindow {
  // The program end date plays no part in the window; matchDates wants one, any date will do.
  const { guaranteeClosesOn } = matchDates(matchedAt, '9999-12-31', { ...s, goalSheetDeadlineDays: 0 });
  if (guaranteeClosesOn === null) return { closesOn: null, closesAt: null, open: false };
  const closesAt = endOfDay(guaranteeClosesOn, s.timeZone);
  return { closesOn: guaranteeClosesOn, closesAt: closesAt.toISOString(), open: now.getTime() < closesAt.getTime() };
}

/** "15 January 2027": the closing date as people read it in messages. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export interface ProgramContact {
  name: string;
  email: string;
}

/** The refusal after the window: names the day it closed and whom to write to instead. */
export function windowClosedMessage(closesOn: string | null, contact: ProgramContact | null): string {
  const write = contact
    ? ` If something is wrong, write to ${contact.name} at ${contact.email}.`
    : ' If something is wrong, write to the program office.';
  if (closesOn === null) return `This program does not offer a new partner on request.${write}`;
  return `The window to ask for a new partner closed at the end of ${longDate(closesOn)}.${write}`;
}
