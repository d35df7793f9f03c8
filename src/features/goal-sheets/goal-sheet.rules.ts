import type { GoalSheetContent, GoalSheetStatus, GoalSheetViewer } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetSubmitter } from '../../shared/api/settings.ts';
import { isValidCalendarDate } from '../../time/calendar-date.ts';
import { isOnOrBefore, isPast } from '../matches/match-dates.rules.ts';

/**
 * The goal sheet's rules, pure: what a saved draft must respect, what a sheet needs before it can
 * go to the program office, who may send it, which status moves are allowed, and whether it was
 * on time. `now` and every setting are passed in.
 */

export interface SheetProblem {
  code: string;
  /** Where in the content, e.g. "goals.1.title" — the web app shows the message at that field. */
  path: string;
  message: string;
}

const FIELD_WORDS = {
  title: 'the goal',
  activities: 'the planned activities',
  successMeasure: 'how you will measure success',
  targetDate: 'a target date',
} as const;

const goalsWord = (n: number) => `${n} ${n === 1 ? 'goal' : 'goals'}`;

export interface StructureLimits {
  goalsMax: number;
  /** Program goals that may be chosen now (not retired). */
  activeGoalIds: ReadonlySet<number>;
  /** Program goals already on the sheet: a goal retired since may stay, it just can't be added. */
  keepGoalIds: ReadonlySet<number>;
}

/**
 * What every save must respect. A draft may be incomplete (empty fields, no target date), but it
 * may not have more goals than the program allows, name a program goal that does not exist, or
 * hold a date that is not on the calendar.
 */
export function structureProblems(content: GoalSheetContent, limits: StructureLimits): SheetProblem[] {
  const problems: SheetProblem[] = [];
  if (content.goals.length > limits.goalsMax) {
    problems.push({
      code: 'TOO_MANY_GOALS',
      path: 'goals',
      message: `A goal sheet can have at most ${goalsWord(limits.goalsMax)}. Remove ${goalsWord(content.goals.length - limits.goalsMax)} and save again.`,
    });
  }
  content.goals.forEach((goal, i) => {
    const unknown = goal.programGoalIds.filter((id) => !limits.activeGoalIds.has(id) && !limits.keepGoalIds.has(id));
    if (unknown.length > 0) {
      problems.push({
        code: 'UNKNOWN_PROGRAM_GOAL',
        path: `goals.${i}.programGoalIds`,
        message: `Goal ${i + 1} names a program goal that is not offered (${unknown.join(', ')}). Choose from the program goals listed.`,
      });
    }
    if (goal.targetDate !== null && !isValidCalendarDate(goal.targetDate)) {
      problems.push({
        code: 'INVALID_DATE',
        path: `goals.${i}.targetDate`,
        message: `Goal ${i + 1}: ${goal.targetDate} is not a date on the calendar.`,
      });
    }
  });
  return problems;
}

export interface CompletenessLimits {
  goalsMin: number;
  goalsMax: number;
  /** The day the match was made and the program's last day: target dates fall between them. */
  matchedOn: string;
  programEndsOn: string;
}

/**
 * What the program office needs before a sheet can be sent: enough goals, each with every part
 * filled in and a target date inside the match's year, and a communication plan. Each problem
 * names its field so the pair sees it where it belongs.
 */
export function completenessProblems(content: GoalSheetContent, limits: CompletenessLimits): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const n = content.goals.length;
  if (n < limits.goalsMin) {
    problems.push({
      code: 'TOO_FEW_GOALS',
      path: 'goals',
      message:
        n === 0
          ? `Add at least ${goalsWord(limits.goalsMin)} before sending the sheet.`
          : `Add ${goalsWord(limits.goalsMin - n)} more: the program asks for at least ${goalsWord(limits.goalsMin)}.`,
    });
  }
  if (n > limits.goalsMax) {
    problems.push({ code: 'TOO_MANY_GOALS', path: 'goals', message: `Keep it to ${goalsWord(limits.goalsMax)} at most.` });
  }
  content.goals.forEach((goal, i) => {
    for (const field of ['title', 'activities', 'successMeasure'] as const) {
      if (goal[field].trim() === '') {
        problems.push({ code: 'MISSING', path: `goals.${i}.${field}`, message: `Goal ${i + 1}: fill in ${FIELD_WORDS[field]}.` });
      }
    }
    if (goal.programGoalIds.length === 0) {
      problems.push({
        code: 'MISSING',
        path: `goals.${i}.programGoalIds`,
        message: `Goal ${i + 1}: choose at least one program goal it serves.`,
      });
    }
    const date = goal.targetDate;
    if (date === null) {
      problems.push({ code: 'MISSING', path: `goals.${i}.targetDate`, message: `Goal ${i + 1}: choose ${FIELD_WORDS.targetDate}.` });
    } else if (!isValidCalendarDate(date)) {
      problems.push({
        code: 'INVALID_DATE',
        path: `goals.${i}.targetDate`,
        message: `Goal ${i + 1}: ${date} is not a date on the calendar.`,
      });
    } else if (date < limits.matchedOn) {
      problems.push({
        code: 'DATE_OUT_OF_RANGE',
        path: `goals.${i}.targetDate`,
        message: `Goal ${i + 1}: the target date is before your match began (${limits.matchedOn}).`,
      });
    } else if (date > limits.programEndsOn) {
      problems.push({
        code: 'DATE_OUT_OF_RANGE',
        path: `goals.${i}.targetDate`,
        message: `Goal ${i + 1}: the target date is after the program ends (${limits.programEndsOn}).`,
      });
    }
  });
  if (content.communication.channels.length === 0) {
    problems.push({ code: 'MISSING', path: 'communication.channels', message: 'Choose at least one way you will keep in touch.' });
  }
  if (content.communication.cadence.trim() === '') {
    problems.push({
      code: 'MISSING',
      path: 'communication.cadence',
      message: 'Say how often you plan to talk, for example "a video call every other week".',
    });
  }
  return problems;
}

/** The model program has the mentee send it; a program may let either of the pair do it. */
export function maySubmit(role: 'mentor' | 'mentee', submitter: GoalSheetSubmitter): boolean {
  return role === 'mentee' || submitter === 'either';
}

export type SheetAction = 'save' | 'submit' | 'acknowledge' | 'return';

/**
 * The status moves: draft/returned → submitted → returned or acknowledged (final). The pair write
 * only while it is a draft or after the program office returned it.
 */
const ALLOWED_FROM: Record<SheetAction, readonly GoalSheetStatus[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  acknowledge: ['submitted'],
  return: ['submitted'],
};
const RESULT: Record<SheetAction, GoalSheetStatus | null> = {
  save: null,
  submit: 'submitted',
  acknowledge: 'acknowledged',
  return: 'returned',
};

export function isAllowed(action: SheetAction, from: GoalSheetStatus): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** The status after `action`, or null when the action does not change it (a save keeps draft or returned). */
export function statusAfter(action: SheetAction, from: GoalSheetStatus): GoalSheetStatus {
  return RESULT[action] ?? from;
}

/**
 * On time = the first submission came before the due date was over in the program's time zone. A
 * sheet returned and sent again keeps its first date: the pair met the deadline.
 */
export function onTime(firstSubmittedAt: string | null, dueOn: string, timeZone: string): boolean | null {
  return firstSubmittedAt === null ? null : isOnOrBefore(new Date(firstSubmittedAt), dueOn, timeZone);
}

/**
 * Overdue = never sent and the due date is over. Only an active match can be overdue: an ended
 * one has nobody left to chase.
 */
export function isOverdue(
  s: { firstSubmittedAt: string | null; dueOn: string; matchActive: boolean },
  now: Date,
  timeZone: string,
): boolean {
  return s.matchActive && s.firstSubmittedAt === null && isPast(s.dueOn, now, timeZone);
}

/** Who the viewer is to this sheet: being one of the pair wins over being staff. */
export function viewerOf(userId: number, match: { mentorId: number; menteeId: number }, isStaff: boolean): GoalSheetViewer | null {
  if (userId === match.menteeId) return 'mentee';
  if (userId === match.mentorId) return 'mentor';
  return isStaff ? 'staff' : null;
}

export interface ListEntry {
  overdue: boolean;
  status: GoalSheetStatus;
  dueOn: string;
  submittedAt: string | null;
  menteeName: string;
}

/** Staff work the list from the top: overdue first, then sheets waiting for review, then by due date. */
export function compareForStaff(a: ListEntry, b: ListEntry): number {
  const rank = (e: ListEntry) => (e.overdue ? 0 : e.status === 'submitted' ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (rank(a) === 1 ? (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') : 0) ||
    a.dueOn.localeCompare(b.dueOn) ||
    a.menteeName.localeCompare(b.menteeName)
  );
}

/** The same program goal or channel ticked twice counts once; the order people chose is kept. */
export function normaliseContent(content: GoalSheetContent): GoalSheetContent {
  return {
    goals: content.goals.map((g) => ({ ...g, programGoalIds: [...new Set(g.programGoalIds)] })),
    communication: { ...content.communication, channels: [...new Set(content.communication.channels)] },
  };
}
