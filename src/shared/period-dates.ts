import type { PeriodDates } from './api/periods.ts';

/**
 * The order of a period's dates, the one rule both the server (which has the final say) and the
 * period form (which warns while staff type) apply.
 */
export const PERIOD_DATE_LABELS: Record<keyof PeriodDates, string> = {
  applicationsOpenOn: 'Applications open',
  applicationsCloseOn: 'Applications close',
  matchesAnnouncedOn: 'Matches announced',
  programEndsOn: 'Program ends',
  surveyOpensOn: 'Survey opens',
  surveyClosesOn: 'Survey closes',
};

/** [earlier, later, must the later be strictly after?] — each pair must be in this order. */
const ORDER: readonly [keyof PeriodDates, keyof PeriodDates, boolean][] = [
  ['applicationsOpenOn', 'applicationsCloseOn', true],
  ['applicationsCloseOn', 'matchesAnnouncedOn', false],
  ['matchesAnnouncedOn', 'programEndsOn', true],
  ['matchesAnnouncedOn', 'surveyOpensOn', true],
  ['surveyOpensOn', 'surveyClosesOn', false],
];

export interface PeriodDateProblem {
  path: keyof PeriodDates;
  message: string;
}

/**
 * Each later date that comes too early, said once per field; pairs with a date not given yet are
 * skipped. Dates are ISO calendar dates, which compare correctly as strings.
 */
export function periodDateOrderProblems(d: Partial<PeriodDates>): PeriodDateProblem[] {
  const problems: PeriodDateProblem[] = [];
  for (const [earlier, later, strict] of ORDER) {
    const a = d[earlier];
    const b = d[later];
    if (!a || !b || (strict ? b > a : b >= a) || problems.some((p) => p.path === later)) continue;
    const label = PERIOD_DATE_LABELS;
    problems.push({
      path: later,
      message: `${label[later]} (${b}) must be ${strict ? 'after' : 'on or after'} ${label[earlier].toLowerCase()} (${a}).`,
    });
  }
  return problems;
}
