import type { RiskCode } from '../../src/shared/api/program-health.ts';

/** How a reason a match needs attention looks as a badge, wherever matches are listed by risk. */
export const RISK_TONE: Record<RiskCode, 'danger' | 'warning' | 'info'> = {
  rematch_requested: 'danger',
  check_in_talk: 'danger',
  goal_sheet_overdue: 'danger',
  goal_sheet_returned: 'warning',
  quiet: 'warning',
  guarantee_closing: 'warning',
  goal_sheet_due_soon: 'info',
};

/** A mailto link to both people of a match at once. */
export function mailtoBoth(a: string, b: string): string {
  return `mailto:${encodeURI(a)},${encodeURI(b)}`;
}
