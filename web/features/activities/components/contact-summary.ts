import type { ContactSummary } from '../../../../src/shared/api/activities.ts';

/** "Last contact 5 days ago · 2 this month (suggested: 2 a month)" */
export function contactSummaryLine(s: ContactSummary): string {
  const days = s.daysSinceLastContact;
  const last =
    s.lastContactOn === null || days === null
      ? 'No contacts logged yet'
      : days <= 0
        ? 'Last contact today'
        : days === 1
          ? 'Last contact yesterday'
          : `Last contact ${days} days ago`;
  const suggested = s.suggestedPerMonth > 0 ? ` (suggested: ${s.suggestedPerMonth} a month)` : '';
  return `${last} · ${s.thisMonth} this month${suggested}`;
}
