export const PERIOD_STATUSES = ['draft', 'applications_open', 'matching', 'active', 'evaluation', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  draft: 'Draft',
  applications_open: 'Applications open',
  matching: 'Matching',
  active: 'Active',
  evaluation: 'Evaluation',
  closed: 'Closed',
};
