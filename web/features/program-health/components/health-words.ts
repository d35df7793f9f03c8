import type { ProgramHealth } from '../api/get-program-health.ts';

export { defaultPeriodId } from '../../../../src/shared/default-period.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(undefined, { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** '2026-10-19' → 'Oct 19', for a chart axis. */
export const weekTick = (weekStart: string): string => shortDate.format(utc(weekStart));
/** '2026-10-19' → 'week of October 19, 2026'. */
export const weekOf = (weekStart: string): string => `week of ${longDate.format(utc(weekStart))}`;

/** The goal-sheet chart in a sentence or two, so nothing is said only by the bars. */
export function goalSheetSummary(h: Pick<ProgramHealth, 'goalSheets' | 'totals'>): string {
  const g = h.goalSheets;
  if (h.totals.activeMatches === 0) return 'There are no active matches in this period, so there are no goal sheets to count.';
  const first = `Of ${count(h.totals.activeMatches, 'active match', 'active matches')}, ${g.onTime} sent their goal sheet on time and ${g.late} late; ${g.overdue} ${g.overdue === 1 ? 'is' : 'are'} overdue and ${g.notYetDue} ${g.notYetDue === 1 ? 'is' : 'are'} not due yet.`;
  const sent = g.onTime + g.late;
  if (sent === 0) return first;
  return `${first} Of the sheets sent, ${g.acknowledged} ${g.acknowledged === 1 ? 'is' : 'are'} acknowledged, ${g.awaitingReview} ${g.awaitingReview === 1 ? 'is' : 'are'} waiting for review and ${g.returned} ${g.returned === 1 ? 'was' : 'were'} returned for changes.`;
}

/** The contacts chart in words: the total, the busiest week and this week. */
export function contactsSummary(weeks: ProgramHealth['contactsPerWeek']): string {
  if (weeks.length === 0) return 'There is nothing to show yet: this period has no matches.';
  const total = weeks.reduce((sum, w) => sum + w.contacts, 0);
  if (total === 0) return `No contacts have been logged in the ${count(weeks.length, 'week')} since the first match.`;
  const busiest = weeks.reduce((best, w) => (w.contacts > best.contacts ? w : best));
  const last = weeks[weeks.length - 1] ?? busiest;
  return (
    `${count(total, 'contact')} logged over ${count(weeks.length, 'week')}. ` +
    `The busiest was the ${weekOf(busiest.weekStart)}, with ${count(busiest.contacts, 'contact')} from ${count(busiest.matches, 'match', 'matches')}. ` +
    `The latest week so far: ${count(last.contacts, 'contact')} from ${count(last.matches, 'match', 'matches')}.`
  );
}

/** A mailto link to both people of a match at once. */
export function mailtoBoth(a: string, b: string): string {
  return `mailto:${encodeURI(a)},${encodeURI(b)}`;
}
