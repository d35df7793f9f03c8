import { REMINDER_KINDS } from '../../shared/api/reminders.ts';
import type { ReminderKind } from '../../shared/api/reminders.ts';
import { DAY_MS } from '../../time/clock.ts';
import { addDays, endOfDay, instantAt } from '../../time/zoned.ts';
import { isPast, matchDates } from '../matches/match-dates.rules.ts';

/**
 * Which reminders a match should get, and whether one planned earlier still applies. Pure: the
 * match's facts, the settings and `now` come in. Every time is 09:00 on a calendar date in the
 * program's time zone, so a reminder arrives at the start of the working day there, whatever
 * the server's TZ and across daylight-saving changes.
 *
 * Decisions (docs/decisions/0006-job-queue.md):
 * - Goal-sheet reminders (a week before the due date, the day before, the day after) stop once
 *   the sheet has been sent in for the first time. A sheet staff returned for changes counts as
 *   sent in: the deadline was met by the first submission (as "on time" counts it), and the pair
 *   hears about the return from the program office, not from a deadline reminder.
 * - A quiet reminder goes out when no contact has been logged for `quietAfterWeeks` weeks,
 *   counted from the last contact (or from the match date): once per quiet spell.
 * - Nothing on the day the match is made (the announcement covers it), nothing after the
 *   program year ends, nothing for an ended match or a period that is not active.
 * - A reminder more than a day late is dropped rather than sent: "due in a week" three days
 *   late would mislead.
 */

export const REMINDER_TIME = '09:00';
/** How late a reminder may still go out. */
export const LATE_LIMIT_MS = DAY_MS;

export interface ReminderSettings {
  timeZone: string;
  goalSheetDeadlineDays: number;
  quietAfterWeeks: number;
  guaranteeWindowDays: number;
}

/** What the rules need to know about one match. */
export interface ReminderFacts {
  matchId: number;
  /** The instant the match was made. */
  matchedAt: string;
  /** 'active' | 'ended' */
  matchStatus: string;
  /** The period's status: reminders only in an 'active' period. */
  periodStatus: string;
  programEndsOn: string;
  /** The goal sheet, or null when the pair has not started one. */
  sheet: { status: string; firstSubmittedAt: string | null } | null;
  /** The latest date a contact was logged for, or null when none was. */
  lastContactOn: string | null;
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** Unique per reminder: names the match and the date it is about, so a change of plan makes a new key. */
  dedupeKey: string;
  matchId: number;
  /** The instant it goes out (ISO-8601 UTC). */
  runAt: string;
  /** Goal-sheet reminders: the due date they are about. */
  dueOn: string | null;
  /** Quiet reminders: the date the quiet spell began (last contact, or the match date). */
  since: string | null;
  /** Quiet reminders: the setting they were planned with. */
  weeks: number | null;
}

export type ReminderVerdict = { due: true; reminder: PlannedReminder } | { due: false; reason: string };

const GOAL_SHEET_OFFSETS: readonly [ReminderKind, number][] = [
  ['goal-sheet-due-7', -7],
  ['goal-sheet-due-1', -1],
  ['goal-sheet-overdue', 1],
];

export function isReminderKind(kind: string): kind is ReminderKind {
  return (REMINDER_KINDS as readonly string[]).includes(kind);
}

/** True once the pair has sent their goal sheet in (a later return by staff does not undo that). */
export function goalSheetSentIn(sheet: ReminderFacts['sheet']): boolean {
  if (!sheet) return false;
  return sheet.firstSubmittedAt !== null || sheet.status === 'submitted' || sheet.status === 'acknowledged';
}

/** Why the match gets no reminders at all just now, or null when it may. */
function closedReason(f: ReminderFacts, s: ReminderSettings, now: Date): string | null {
  if (f.matchStatus !== 'active') return 'The match has ended.';
  if (f.periodStatus !== 'active') return 'The match’s period is no longer active.';
  if (isPast(f.programEndsOn, now, s.timeZone)) return 'The program year has ended.';
  return null;
}

const laterDate = (a: string, b: string): string => (a > b ? a : b);

/** Every reminder the match's current state calls for, before the program-end and lateness cut-offs. */
function candidates(f: ReminderFacts, s: ReminderSettings): PlannedReminder[] {
  const dates = matchDates(f.matchedAt, f.programEndsOn, s);
  const at = (date: string) => instantAt(date, REMINDER_TIME, s.timeZone).toISOString();
  const out: PlannedReminder[] = [];
  if (!goalSheetSentIn(f.sheet)) {
    const dueOn = dates.goalSheetDueOn;
    for (const [kind, offset] of GOAL_SHEET_OFFSETS) {
      const on = addDays(dueOn, offset);
      // Not on (or before) the day the match is made: a short deadline gets fewer reminders.
      if (on <= dates.matchedOn) continue;
      out.push({ kind, dedupeKey: `${kind}:m${f.matchId}:${dueOn}`, matchId: f.matchId, runAt: at(on), dueOn, since: null, weeks: null });
    }
  }
  if (s.quietAfterWeeks > 0) {
    // A contact logged with a date before the match (a typo) does not start the spell earlier.
    const since = f.lastContactOn ? laterDate(f.lastContactOn, dates.matchedOn) : dates.matchedOn;
    const weeks = s.quietAfterWeeks;
    out.push({
      kind: 'quiet',
      dedupeKey: `quiet:m${f.matchId}:${since}:${weeks}`,
      matchId: f.matchId,
      runAt: at(addDays(since, weeks * 7)),
      dueOn: null,
      since,
      weeks,
    });
  }
  return out;
}

const beforeProgramEnds = (r: PlannedReminder, f: ReminderFacts, s: ReminderSettings): boolean =>
  new Date(r.runAt).getTime() < endOfDay(f.programEndsOn, s.timeZone).getTime();

const tooLate = (r: PlannedReminder, now: Date): boolean => now.getTime() - new Date(r.runAt).getTime() > LATE_LIMIT_MS;

/** The reminders that apply to the match now, including ones whose time has passed (however long ago). */
export function remindersFor(f: ReminderFacts, s: ReminderSettings, now: Date): PlannedReminder[] {
  if (closedReason(f, s, now) !== null) return [];
  return candidates(f, s).filter((r) => beforeProgramEnds(r, f, s));
}

/** What a planner should make sure exists: the reminders that apply and are not more than a day late. */
export function plannedReminders(f: ReminderFacts, s: ReminderSettings, now: Date): PlannedReminder[] {
  return remindersFor(f, s, now).filter((r) => !tooLate(r, now));
}

/** The parts of a dedupe key this file made, or null for someone else's key. */
export function parseReminderKey(key: string): { kind: ReminderKind; matchId: number; date: string; weeks: number | null } | null {
  const m = /^([a-z0-9-]+):m(\d+):(\d{4}-\d{2}-\d{2})(?::(\d+))?$/.exec(key);
  if (!m || !isReminderKind(m[1] ?? '')) return null;
  return { kind: m[1] as ReminderKind, matchId: Number(m[2]), date: m[3] ?? '', weeks: m[4] === undefined ? null : Number(m[4]) };
}

/**
 * Whether the reminder with this key should go out now, judged on the match as it is now. When
 * not, says why in words staff read on the reminders page.
 */
export function reminderVerdict(dedupeKey: string, f: ReminderFacts, s: ReminderSettings, now: Date): ReminderVerdict {
  const closed = closedReason(f, s, now);
  if (closed !== null) return { due: false, reason: closed };
  const all = candidates(f, s);
  const reminder = all.find((r) => r.dedupeKey === dedupeKey);
  if (reminder) {
    if (!beforeProgramEnds(reminder, f, s)) return { due: false, reason: 'It would fall after the program year ends.' };
    if (tooLate(reminder, now)) return { due: false, reason: 'It could not go out within a day of its time, so it was no longer useful.' };
    return { due: true, reminder };
  }
  const key = parseReminderKey(dedupeKey);
  if (key === null || key.matchId !== f.matchId) return { due: false, reason: 'It does not belong to this match.' };
  if (key.kind === 'quiet') {
    const current = all.find((r) => r.kind === 'quiet');
    if (!current) return { due: false, reason: 'Quiet-match reminders are turned off.' };
    if (current.since !== key.date) return { due: false, reason: 'A contact was logged since, so the match is not quiet.' };
    return { due: false, reason: 'The program’s quiet-match setting changed; a reminder for the new setting replaces this one.' };
  }
  if (goalSheetSentIn(f.sheet)) return { due: false, reason: 'The goal sheet has been sent in.' };
  return { due: false, reason: 'The goal-sheet deadline changed; a reminder for the new date replaces this one.' };
}
