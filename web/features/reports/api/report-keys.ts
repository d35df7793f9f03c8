// This feature's query keys: every key starts with ['reports'], so one change can refresh them all.
export const reportKeys = {
  all: ['reports'] as const,
  /** GET /api/reports: every report with its status. */
  list: ['reports', 'list'] as const,
  /** GET /api/reports/published: the published reports I may read. */
  published: ['reports', 'published'] as const,
  one: (id: number) => ['reports', 'one', id] as const,
  history: (id: number, sectionId: number) => ['reports', 'history', id, sectionId] as const,
  /** GET /api/report-charts/options?periodId=N: what can be put in a report for a period. */
  chartOptions: (periodId: number) => ['reports', 'chart-options', periodId] as const,
};

/** Where a published report can be read: its PDF and its web page. */
export const reportPdfUrl = (id: number) => `/api/reports/${id}/report.pdf`;
export const reportHtmlUrl = (id: number) => `/api/reports/${id}/report.html`;
