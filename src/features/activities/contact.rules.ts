import type { Role } from '../../shared/roles.ts';
import { CHANNELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';
import { calendarDateIn, isValidCalendarDate } from '../../time/calendar-date.ts';
import { daysBetween } from '../../time/zoned.ts';
import { todayIn } from '../matches/match-dates.rules.ts';

/**
 * The rules of the contact log, pure: `now` and the program's time zone are passed in. Every date
 * is a calendar date as people in the program's time zone see it, so "today" at 23:30 in Chicago
 * is still today even though it is tomorrow in UTC.
 */

export interface Problem {
  code: string;
  path: string;
  message: string;
}

export interface ContactDateContext {
  /** The instant the match was made. */
  matchedAt: string;
  timeZone: string;
  now: Date;
}

/** What is wrong with the date a contact is logged for, or null when it is fine. */
export function contactDateProblem(occurredOn: string, c: ContactDateContext): Problem | null {
  if (!isValidCalendarDate(occurredOn)) {
    return { code: 'INVALID_DATE', path: 'occurredOn', message: `${occurredOn} is not a date on the calendar.` };
  }
  const today = todayIn(c.timeZone, c.now);
  if (occurredOn > today) {
    return { code: 'DATE_IN_FUTURE', path: 'occurredOn', message: 'That date hasn’t happened yet. Log a contact once it has taken place.' };
  }
  const matchedOn = calendarDateIn(c.timeZone, new Date(c.matchedAt));
  if (occurredOn < matchedOn) {
    return {
      code: 'DATE_BEFORE_MATCH',
      path: 'occurredOn',
      message: `That is before you were matched (${matchedOn}). Pick a day from then on.`,
    };
  }
  return null;
}

/** A channel must be one Tandem knows and the program uses. */
export function channelProblem(channel: string, programChannels: readonly Channel[]): Problem | null {
  const known = (CHANNELS as readonly string[]).includes(channel);
  if (known && programChannels.includes(channel as Channel)) return null;
  return {
    code: 'CHANNEL_NOT_USED',
    path: 'channel',
    message: `The program doesn’t use “${channel}” as a way to keep in touch. Choose one of: ${programChannels.join(', ')}.`,
  };
}

export interface ContactSummary {
  lastContactOn: string | null;
  daysSinceLastContact: number | null;
  /** Contacts dated in the current calendar month (program time zone). */
  thisMonth: number;
  suggestedPerMonth: number;
}

/** How a pair is doing against the suggested cadence, from the dates of their contacts. */
export function contactSummary(occurredOns: readonly string[], today: string, suggestedPerMonth: number): ContactSummary {
  const past = occurredOns.filter((d) => d <= today);
  const lastContactOn = past.reduce<string | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
  const month = today.slice(0, 7);
  return {
    lastContactOn,
    daysSinceLastContact: lastContactOn === null ? null : daysBetween(lastContactOn, today),
    thisMonth: past.filter((d) => d.slice(0, 7) === month).length,
    suggestedPerMonth,
  };
}

export interface MatchParties {
  mentorUserId: number;
  menteeUserId: number;
}

/**
 * How the caller stands to a match's log: one of the pair (reads and writes their log), staff
 * (reads every log, writes none) or nobody (the match does not exist as far as they know).
 */
export function contactAccess(actor: { userId: number; roles: readonly Role[] }, match: MatchParties): 'party' | 'staff' | 'none' {
  if (actor.userId === match.mentorUserId || actor.userId === match.menteeUserId) return 'party';
  if (actor.roles.includes('staff')) return 'staff';
  return 'none';
}
