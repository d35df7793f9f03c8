import type { RiskCode, RiskReason } from '../../shared/api/program-health.ts';
import type { WorkspaceSheetState } from '../../shared/api/workspace.ts';
import { addDays, daysBetween, mondayOf } from '../../time/zoned.ts';
import { daysUntil, isOnOrBefore, isPast, matchDates, todayIn } from '../matches/match-dates.rules.ts';
import { daysWithoutContact, isQuiet } from '../matches/workspace.rules.ts';

/**
 * How much a match needs the program office's attention, as a score staff can sort by.
 * Pure: `now` and the settings are passed in; every date is a calendar date in the program's
 * time zone.
 *
 * The score adds up points for each reason (0 = nothing to worry about):
 * - goal sheet overdue — past its due date and never sent: 40, plus 1 per day overdue up to 30 more;
 * - goal sheet returned — sent (so the deadline was met or missed by that first sending), returned
 *   for changes, and past its due date without being sent again: 20, plus 1 per day up to 20 more.
 *   Not "overdue", so the counts agree with the goal-sheet list and the reminders;
 * - quiet — no contact logged for the program's "quiet after" weeks since the match or the last
 *   contact: 30, plus 1 per day beyond that up to 30 more;
 * - re-match window closing with a low check-in — the guarantee window closes within 7 days and
 *   the pair has kept in touch less than the program suggests (quiet, or fewer contacts logged
 *   since the match than the suggested cadence would give by now): 15, and 15 more when the match
 *   is also overdue or quiet, because this is the last easy chance to offer a new partner. A pair
 *   that is doing well is not flagged just because its window is closing;
 * - goal sheet due soon — due within 7 days and not sent yet: 10, plus 1 per day closer;
 * - asked to talk — one of the pair answered a staff check-in with "I'd like to talk to the
 *   program office" and staff have not marked it handled: 80, plus 1 per day waiting up to 20 more;
 * - re-match requested — an open re-match request: 350, plus 1 per day waiting up to 30 more.
 *   More than every other reason at its worst put together, so a pair asking for a new partner
 *   is always at the top of the list (the oldest request first).
 * So an overdue, quiet match always ranks above one that is only quiet, and a sheet due soon
 * never outranks a real problem.
 */

/** A reason's base points, and the extra it can earn as it gets worse. */
export const RISK_POINTS = {
  rematch_requested: { base: 350, maxExtra: 30 },
  check_in_talk: { base: 80, maxExtra: 20 },
  goal_sheet_overdue: { base: 40, maxExtra: 30 },
  goal_sheet_returned: { base: 20, maxExtra: 20 },
  quiet: { base: 30, maxExtra: 30 },
  guarantee_closing: { base: 15, maxExtra: 15 },
  goal_sheet_due_soon: { base: 10, maxExtra: 7 },
} as const satisfies Record<RiskCode, { base: number; maxExtra: number }>;

/** "Soon" for deadlines: within this many days (today included). */
export const SOON_DAYS = 7;

export interface HealthSettings {
  timeZone: string;
  goalSheetDeadlineDays: number;
  guaranteeWindowDays: number;
  quietAfterWeeks: number;
  /** The suggested cadence, e.g. 2 = at least twice a month. */
  contactsPerMonth: number;
}

export interface MatchFacts {
  matchedAt: string;
  sheetStatus: WorkspaceSheetState;
  /** The sheet's first submission; "on time" is judged by it, even after a return. */
  firstSubmittedAt: string | null;
  lastContactOn: string | null;
  /** Contacts logged since the match was made. */
  contactsSinceMatch: number;
  /** Open re-match requests: who asked and on which day (in the program's time zone). */
  rematchRequests?: readonly PersonOnDay[];
  /** "I'd like to talk" answers to check-ins that staff have not marked handled yet. */
  talkRequests?: readonly PersonOnDay[];
}

/** Someone of the pair and the calendar day they did something. */
export interface PersonOnDay {
  name: string;
  side: 'mentor' | 'mentee';
  on: string;
}

/** A goal sheet against its deadline: by its first submission, or missing. */
export type SheetOutcome = 'on_time' | 'late' | 'overdue' | 'not_yet_due';

export interface ScoredReason extends RiskReason {
  points: number;
}

export interface MatchAssessment {
  matchedOn: string;
  goalSheetDueOn: string;
  guaranteeClosesOn: string | null;
  sheetOutcome: SheetOutcome;
  quiet: boolean;
  /** Past due and not with the office now. */
  sheetOverdue: boolean;
  riskScore: number;
  /** Most points first. */
  reasons: ScoredReason[];
}

const WITH_THE_OFFICE: readonly WorkspaceSheetState[] = ['submitted', 'acknowledged'];

/** Contacts the suggested cadence would give after `days` days: twice a month is 2 per 30 days. */
export function expectedContacts(days: number, contactsPerMonth: number): number {
  return Math.floor((contactsPerMonth * Math.max(0, days)) / 30);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const inDays = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);
const daysAgo = (n: number) => (n <= 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`);
const who = (people: readonly PersonOnDay[]) => people.map((p) => `${p.name} (${p.side})`).join(' and ');
/** The earliest day of several (dates compare as text). */
const earliest = (people: readonly PersonOnDay[]) => people.reduce((min, p) => (p.on < min ? p.on : min), people[0]?.on ?? '');

export function sheetOutcome(facts: Pick<MatchFacts, 'firstSubmittedAt'>, dueOn: string, now: Date, timeZone: string): SheetOutcome {
  if (facts.firstSubmittedAt !== null) return isOnOrBefore(new Date(facts.firstSubmittedAt), dueOn, timeZone) ? 'on_time' : 'late';
  return isPast(dueOn, now, timeZone) ? 'overdue' : 'not_yet_due';
}

/** One active match, as of `now`: its dates, its goal sheet against the deadline, and its risk. */
export function assessMatch(facts: MatchFacts, programEndsOn: string, s: HealthSettings, now: Date): MatchAssessment {
  const tz = s.timeZone;
  const dates = matchDates(facts.matchedAt, programEndsOn, s);
  const today = todayIn(tz, now);
  const reasons: ScoredReason[] = [];
  const notSent = !WITH_THE_OFFICE.includes(facts.sheetStatus);

  const rematch = facts.rematchRequests ?? [];
  if (rematch.length > 0) {
    const waiting = Math.max(0, daysBetween(earliest(rematch), today));
    reasons.push({
      code: 'rematch_requested',
      label: 'Re-match requested',
      text:
        rematch.length === 1
          ? `${who(rematch)} asked for a re-match ${daysAgo(waiting)}`
          : `${who(rematch)} asked for a re-match; the first asked ${daysAgo(waiting)}`,
      points: RISK_POINTS.rematch_requested.base + Math.min(waiting, RISK_POINTS.rematch_requested.maxExtra),
    });
  }
  const talk = facts.talkRequests ?? [];
  if (talk.length > 0) {
    const waiting = Math.max(0, daysBetween(earliest(talk), today));
    reasons.push({
      code: 'check_in_talk',
      label: 'Asked to talk',
      text: `${who(talk)} would like to talk to the program office (answered a check-in ${daysAgo(waiting)})`,
      points: RISK_POINTS.check_in_talk.base + Math.min(waiting, RISK_POINTS.check_in_talk.maxExtra),
    });
  }

  const dueIn = daysUntil(dates.goalSheetDueOn, now, tz);
  const returned = facts.sheetStatus === 'returned';
  const sheetOverdue = notSent && !returned && dueIn < 0;
  if (sheetOverdue) {
    const late = -dueIn;
    reasons.push({
      code: 'goal_sheet_overdue',
      label: 'Goal sheet overdue',
      text: `Goal sheet ${plural(late, 'day')} overdue`,
      points: RISK_POINTS.goal_sheet_overdue.base + Math.min(late, RISK_POINTS.goal_sheet_overdue.maxExtra),
    });
  }
  if (returned && dueIn < 0) {
    const late = -dueIn;
    reasons.push({
      code: 'goal_sheet_returned',
      label: 'Goal sheet returned',
      text: `Goal sheet returned for changes and not sent again, ${plural(late, 'day')} after its due date`,
      points: RISK_POINTS.goal_sheet_returned.base + Math.min(late, RISK_POINTS.goal_sheet_returned.maxExtra),
    });
  }

  const quietInput = { matchedOn: dates.matchedOn, lastContactOn: facts.lastContactOn, quietAfterWeeks: s.quietAfterWeeks };
  const quiet = isQuiet(quietInput, today);
  if (quiet) {
    const days = daysWithoutContact(dates.matchedOn, facts.lastContactOn, today);
    const weeks = plural(Math.floor(days / 7), 'week');
    reasons.push({
      code: 'quiet',
      label: 'Quiet',
      text:
        facts.lastContactOn === null || facts.lastContactOn < dates.matchedOn
          ? `No contact logged in the ${weeks} since the match`
          : `No contact logged for ${weeks}`,
      points: RISK_POINTS.quiet.base + Math.min(days - s.quietAfterWeeks * 7, RISK_POINTS.quiet.maxExtra),
    });
  }

  if (dates.guaranteeClosesOn !== null) {
    const left = daysUntil(dates.guaranteeClosesOn, now, tz);
    const lowCheckIn = quiet || facts.contactsSinceMatch < expectedContacts(daysBetween(dates.matchedOn, today), s.contactsPerMonth);
    if (left >= 0 && left <= SOON_DAYS && lowCheckIn) {
      const points = RISK_POINTS.guarantee_closing;
      reasons.push({
        code: 'guarantee_closing',
        label: 'Re-match window closing',
        text: `The re-match window closes ${inDays(left)}, ${facts.contactsSinceMatch === 0 ? 'with no contact logged' : `with only ${plural(facts.contactsSinceMatch, 'contact')} logged`} since the match`,
        points: points.base + (sheetOverdue || quiet ? points.maxExtra : 0),
      });
    }
  }

  if (notSent && dueIn >= 0 && dueIn <= SOON_DAYS) {
    reasons.push({
      code: 'goal_sheet_due_soon',
      label: 'Goal sheet due soon',
      text: `Goal sheet due ${inDays(dueIn)}${facts.sheetStatus === 'returned' ? ' (returned for changes)' : facts.sheetStatus === 'not_started' ? ' (not started)' : ''}`,
      points: RISK_POINTS.goal_sheet_due_soon.base + (SOON_DAYS - dueIn),
    });
  }

  reasons.sort((a, b) => b.points - a.points);
  return {
    matchedOn: dates.matchedOn,
    goalSheetDueOn: dates.goalSheetDueOn,
    guaranteeClosesOn: dates.guaranteeClosesOn,
    sheetOutcome: sheetOutcome(facts, dates.goalSheetDueOn, now, tz),
    quiet,
    sheetOverdue,
    riskScore: reasons.reduce((sum, r) => sum + r.points, 0),
    reasons,
  };
}

/** Highest risk first; among equals, the older match first, then the lower id (a stable order). */
export function byRisk<T extends { riskScore: number; matchedOn: string; matchId: number }>(a: T, b: T): number {
  return b.riskScore - a.riskScore || a.matchedOn.localeCompare(b.matchedOn) || a.matchId - b.matchId;
}

export interface ContactDay {
  matchId: number;
  occurredOn: string;
  /** Contacts the match logged that day. */
  contacts: number;
}

export interface WeekOfContacts {
  weekStart: string;
  contacts: number;
  /** Distinct matches with at least one contact that week. */
  matches: number;
}

/**
 * Contacts per week, Monday to Sunday, for every week from the one holding `from` to the one
 * holding `to` (empty weeks included, so a chart shows the gaps). Days outside are ignored.
 */
export function contactsPerWeek(days: readonly ContactDay[], from: string, to: string): WeekOfContacts[] {
  if (to < from) return [];
  const first = mondayOf(from);
  const weeks = new Map<string, { contacts: number; matches: Set<number> }>();
  for (let w = first; w <= to; w = addDays(w, 7)) weeks.set(w, { contacts: 0, matches: new Set() });
  for (const d of days) {
    if (d.occurredOn < first || d.occurredOn > to) continue;
    const week = weeks.get(mondayOf(d.occurredOn));
    if (!week) continue;
    week.contacts += d.contacts;
    week.matches.add(d.matchId);
  }
  return [...weeks].map(([weekStart, w]) => ({ weekStart, contacts: w.contacts, matches: w.matches.size }));
}

/** The last day the contacts chart covers: today, or the program's last day once it is over. */
export function chartEnd(today: string, programEndsOn: string): string {
  return programEndsOn < today ? programEndsOn : today;
}
