/** Words the annual report and the task force's workspace are made of (PRODUCT.md §11); shared by server and web. */

export const REPORT_STATUSES = ['draft', 'published'] as const;
export type ReportStatusName = (typeof REPORT_STATUSES)[number];

/** Who may open a published report's HTML page (its PDF follows the same rule). */
export const REPORT_VISIBILITIES = ['staff', 'participants', 'public'] as const;
export type ReportVisibilityName = (typeof REPORT_VISIBILITIES)[number];
export const REPORT_VISIBILITY_LABELS: Record<ReportVisibilityName, string> = {
  staff: 'Staff and the task force',
  participants: 'Also mentors and mentees',
  public: 'Anyone with the link',
};

/** The program's own figures for one period, each drawable as a chart. */
export const FIGURE_KEYS = [
  'applications',
  'outcomes',
  'unmatched-reasons',
  'goal-sheets',
  'rematch',
  'contacts',
  'events',
  'survey-response',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export const FIGURE_LABELS: Record<FigureKey, string> = {
  applications: 'Applications by role',
  outcomes: 'What became of the applications',
  'unmatched-reasons': 'Why some applicants were not matched',
  'goal-sheets': 'Goal sheets: on time, late, missing',
  rematch: 'Re-match requests and their outcomes',
  contacts: 'Contacts logged per match',
  events: 'Event attendance',
  'survey-response': 'Survey response rates',
};

/** Limits that keep one report small enough to store, render and print in one go. */
export const MAX_SECTIONS = 30;
/** A section's stored JSON, in characters. */
export const MAX_SECTION_CHARS = 100_000;
export const MAX_CHARTS_PER_REPORT = 40;
/** A section's history lists this many of its newest saves (every save is kept). */
export const SECTION_HISTORY_SHOWN = 50;
