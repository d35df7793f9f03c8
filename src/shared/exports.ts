import type { Role } from './roles.ts';

/** What a period can be exported as, in the words of `tandem export <what>` and the URLs. */
export const PERIOD_EXPORTS = ['applications', 'matches', 'goal-sheets', 'contacts', 'attendance', 'survey-results'] as const;
export type PeriodExport = (typeof PERIOD_EXPORTS)[number];

export const PERIOD_EXPORT_LABELS: Record<PeriodExport, string> = {
  applications: 'applications',
  matches: 'matches',
  'goal-sheets': 'goal sheets (one row per goal)',
  contacts: 'contact logs',
  attendance: 'event attendance',
  'survey-results': 'survey results (aggregates only)',
};

/**
 * Who may take each export out: whoever the page showing the same data already lets in (the
 * review pages for staff and the committee, survey results for staff and the task force).
 */
export const PERIOD_EXPORT_READERS: Record<PeriodExport, readonly Role[]> = {
  applications: ['staff', 'committee'],
  matches: ['staff', 'committee'],
  'goal-sheets': ['staff'],
  contacts: ['staff'],
  attendance: ['staff'],
  'survey-results': ['staff', 'taskforce'],
};

const bomQuery = (bom: boolean) => (bom ? '?bom=1' : '');

/** A period's export, as the browser downloads it (bom: with a byte-order mark, for Excel). */
export const periodExportUrl = (periodId: number, what: PeriodExport, bom = false): string =>
  `/api/periods/${periodId}/exports/${what}.csv${bomQuery(bom)}`;

/** One event's attendance. */
export const eventAttendanceExportUrl = (eventId: number, bom = false): string =>
  `/api/events/${eventId}/exports/attendance.csv${bomQuery(bom)}`;

/** One survey's results, aggregates only. */
export const surveyResultsExportUrl = (surveyId: number, bom = false): string =>
  `/api/surveys/${surveyId}/exports/survey-results.csv${bomQuery(bom)}`;
