import type { PeriodDates } from '../../shared/api/periods.ts';
import { PERIOD_DATE_LABELS, periodDateOrderProblems } from '../../shared/period-dates.ts';
import type { PeriodDateProblem } from '../../shared/period-dates.ts';
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

/** Every way the dates break the program's order; empty when they are fine. */
export function periodDateProblems(d: PeriodDates): PeriodDateProblem[] {
  const problems: PeriodDateProblem[] = [];
  for (const key of Object.keys(PERIOD_DATE_LABELS) as (keyof PeriodDates)[]) {
    if (!isValidCalendarDate(d[key])) problems.push({ path: key, message: `${PERIOD_DATE_LABELS[key]}: ${d[key]} is not a date.` });
  }
  return problems.length > 0 ? problems : periodDateOrderProblems(d);
}

export type TransitionProblem = { code: 'ILLEGAL_TRANSITION'; message: string } | { code: 'APPLICATION_WINDOW_PASSED'; message: string };

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
