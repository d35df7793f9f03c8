import type { PeriodDates } from '../../../../src/shared/api/periods.ts';

export const DATE_FIELDS: readonly { key: keyof PeriodDates; label: string; hint: string }[] = [
  { key: 'applicationsOpenOn', label: 'Applications open', hint: 'The first day people can apply.' },
  { key: 'applicationsCloseOn', label: 'Applications close', hint: 'The last day to apply.' },
  { key: 'matchesAnnouncedOn', label: 'Matches announced', hint: 'When pairs learn who their partner is.' },
  { key: 'programEndsOn', label: 'Program ends', hint: 'The last day of the program year.' },
  { key: 'surveyOpensOn', label: 'Survey opens', hint: 'The end-of-program survey starts.' },
  { key: 'surveyClosesOn', label: 'Survey closes', hint: 'The last day to answer the survey.' },
];

export const DATE_ORDER_RULE =
  'Dates follow the life of the program: applications open, then close; matches are announced on or after the closing day; the program ends after matches are announced. The survey opens after matches are announced and closes on or after the day it opens.';

/** [earlier, later, must be strictly after?] — the same order the server checks (period.rules.ts). */
const PAIRS: readonly [keyof PeriodDates, keyof PeriodDates, boolean][] = [
  ['applicationsOpenOn', 'applicationsCloseOn', true],
  ['applicationsCloseOn', 'matchesAnnouncedOn', false],
  ['matchesAnnouncedOn', 'programEndsOn', true],
  ['matchesAnnouncedOn', 'surveyOpensOn', true],
  ['surveyOpensOn', 'surveyClosesOn', false],
];

function label(key: keyof PeriodDates): string {
  return DATE_FIELDS.find((f) => f.key === key)?.label ?? key;
}

/**
 * A friendly early warning for dates out of order, keyed by the later field.
 * The server has the final say (422 PERIOD_DATES_OUT_OF_ORDER).
 */
export function dateOrderProblems(dates: Partial<PeriodDates>): Partial<Record<keyof PeriodDates, string>> {
  const problems: Partial<Record<keyof PeriodDates, string>> = {};
  for (const [earlier, later, strict] of PAIRS) {
    const a = dates[earlier];
    const b = dates[later];
    // ISO dates compare correctly as strings.
    const outOfOrder = a && b && (strict ? b <= a : b < a);
    if (outOfOrder && !problems[later]) {
      problems[later] = `${label(later)} must be ${strict ? 'after' : 'on or after'} ${label(earlier).toLowerCase()}.`;
    }
  }
  return problems;
}
