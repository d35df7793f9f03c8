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

export type HeldEvent = ProgramHealth['events'][number];

/** An instant → its calendar date ('2026-10-26') in the given time zone (UTC if the zone is unknown). */
export function dayIn(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso.slice(0, 10);
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  } catch {
    f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  }
  const part = (type: string) => f.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Attended / invited as a whole percentage; null when attendance was not recorded or no one was invited. */
export function attendanceRate(e: Pick<HeldEvent, 'invited' | 'attended' | 'attendanceTaken'>): number | null {
  if (!e.attendanceTaken || e.invited === 0) return null;
  return Math.round((e.attended / e.invited) * 100);
}

/**
 * The events chart in one sentence: how many were held and, where attendance was recorded, the
 * average share of those invited who came (the mean of the events' own rates).
 */
export function eventsSummary(events: readonly HeldEvent[]): string {
  if (events.length === 0) return 'No forums, trainings or meet-ups have taken place for this cohort yet.';
  const held = count(events.length, 'event');
  if (!events.some((e) => e.attendanceTaken))
    return `${held} held; attendance has not been recorded for ${events.length === 1 ? 'it' : 'any of them'} yet.`;
  const rates = events.map(attendanceRate).filter((r): r is number => r !== null);
  if (rates.length === 0) return `${held}.`;
  const average = Math.round(rates.reduce((sum, r) => sum + r, 0) / rates.length);
  if (events.length === 1) return `${held} held; ${average}% of those invited came.`;
  const where = rates.length === events.length ? '' : `, where attendance was recorded (${rates.length} of the ${events.length})`;
  return `${held} held; on average ${average}% of those invited came${where}.`;
}
