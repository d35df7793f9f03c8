import type { PeriodDates } from '../../../../src/shared/api/periods.ts';
import { PERIOD_DATE_LABELS, periodDateOrderProblems } from '../../../../src/shared/period-dates.ts';

export const DATE_FIELDS: readonly { key: keyof PeriodDates; label: string; hint: string }[] = [
  { key: 'applicationsOpenOn', label: PERIOD_DATE_LABELS.applicationsOpenOn, hint: 'The first day people can apply.' },
  { key: 'applicationsCloseOn', label: PERIOD_DATE_LABELS.applicationsCloseOn, hint: 'The last day to apply.' },
  { key: 'matchesAnnouncedOn', label: PERIOD_DATE_LABELS.matchesAnnouncedOn, hint: 'When pairs learn who their partner is.' },
  { key: 'programEndsOn', label: PERIOD_DATE_LABELS.programEndsOn, hint: 'The last day of the program year.' },
  { key: 'surveyOpensOn', label: PERIOD_DATE_LABELS.surveyOpensOn, hint: 'The end-of-program survey starts.' },
  { key: 'surveyClosesOn', label: PERIOD_DATE_LABELS.surveyClosesOn, hint: 'The last day to answer the survey.' },
];

export const DATE_ORDER_RULE =
  'Dates follow the life of the program: applications open, then close; matches are announced on or after the closing day; the program ends after matches are announced. The survey opens after matches are announced and closes on or after the day it opens.';

/**
 * A friendly early warning for dates out of order, keyed by the later field: the server's own rule
 * (src/shared/period-dates.ts), which has the final say (422 PERIOD_DATES_OUT_OF_ORDER).
 */
export function dateOrderProblems(dates: Partial<PeriodDates>): Partial<Record<keyof PeriodDates, string>> {
  return Object.fromEntries(periodDateOrderProblems(dates).map((p) => [p.path, p.message]));
}
