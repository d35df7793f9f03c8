import type { PeriodDates } from '../../shared/api/periods.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';
import { calendarDateIn, isValidCalendarDate } from '../../time/calendar-date.ts';

/**
 * The program year's life: draft → applications open → matching → active → evaluation → closed.
 * Two steps back are allowed because real programs need them: un-publishing a period opened by
 * mistake, and reopening applications when too few people applied.
 */
const TRANSITIONS: Record<PeriodStatus, readonly PeriodStatus[]> = {
  draft: ['applications_open'],
  applications_open: ['matching', 'draft'],
  matching: ['active', 'applications_open'],
  active: ['evaluation'],
  evaluation: ['closed'],
  closed: [],
};

export function nextStatuses(from: PeriodStatus): readonly PeriodStatus[] {
  return TRANSITIONS[from];
}

export interface DateProblem {
  path: keyof PeriodDates;
  message: string;
}

const LABELS: Record<keyof PeriodDates, string> = {
  applicationsOpenOn: 'Applications open',
  applicationsCloseOn: 'Applications close',
  matchesAnnouncedOn: 'Matches announced',
  programEndsOn: 'Program ends',
  surveyOpensOn: 'Survey opens',
  surveyClosesOn: 'Survey closes',
};

/** [earlier, later, strictly before?] — each pair must be in this order. */
const ORDER: [keyof PeriodDates, keyof PeriodDates, boolean][] = [
  ['applicationsOpenOn', 'applicationsCloseOn', true],
  ['applicationsCloseOn', 'matchesAnnouncedOn', false],
  ['matchesAnnouncedOn', 'programEndsOn', true],
  ['matchesAnnouncedOn', 'surveyOpensOn', true],
  ['surveyOpensOn', 'surveyClosesOn', false],
];

/** Every way the dates break the program's order; empty when they are fine. */
export function periodDateProblems(d: PeriodDates): DateProblem[] {
  const problems: DateProblem[] = [];
  for (const key of Object.keys(LABELS) as (keyof PeriodDates)[]) {
    if (!isValidCalendarDate(d[key])) problems.push({ path: key, message: `${LABELS[key]}: ${d[key]} is not a date.` });
  }
  if (problems.length > 0) return problems;
  for (const [a, b, strict] of ORDER) {
    const bad = strict ? d[a] >= d[b] : d[a] > d[b];
    if (bad) {
      problems.push({
        path: b,
        message: `${LABELS[b]} (${d[b]}) must be ${strict ? 'after' : 'on or after'} ${LABELS[a].toLowerCase()} (${d[a]}).`,
      });
    }
  }
  return problems;
}

export type TransitionProblem =
  | { code: 'ILLEGAL_TRANSITION'; message: string }
  | { code: 'APPLICATION_WINDOW_PASSED'; message: string };

/**
 * Whether a period may move from one status to another at `now`, judged by the calendar in the
 * program's time zone. Null means it may.
 */
export function transitionProblem(
  from: PeriodStatus,
  to: PeriodStatus,
  dates: PeriodDates,
  now: Date,
  timeZone: string,
): TransitionProblem | null {
  if (!TRANSITIONS[from].includes(to)) {
    return { code: 'ILLEGAL_TRANSITION', message: `A period cannot go from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}.` };
  }
  if (to === 'applications_open' && calendarDateIn(timeZone, now) > dates.applicationsCloseOn) {
    return {
      code: 'APPLICATION_WINDOW_PASSED',
      message: `Applications were due to close on ${dates.applicationsCloseOn}; move the closing date first.`,
    };
  }
  return null;
}
