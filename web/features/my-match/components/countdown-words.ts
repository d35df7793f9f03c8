import type { WorkspaceSheetState } from '../../../../src/shared/api/workspace.ts';

/**
 * Countdowns in words, from whole calendar days (the server counts them in the program's time
 * zone): 12 → "in 12 days", 0 → "today", -3 → "3 days ago".
 */
export function countdownWords(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  if (daysLeft === -1) return 'yesterday';
  return daysLeft > 1 ? `in ${daysLeft} days` : `${-daysLeft} days ago`;
}

/**
 * The goal sheet's due date counts down only while the pair still has to send it: once the
 * program office has it (sent or acknowledged) the date is history, not a deadline.
 */
export function goalSheetCountsDown(status: WorkspaceSheetState): boolean {
  return status !== 'submitted' && status !== 'acknowledged';
}

/** Whole days from one calendar date to another ('2026-03-01' → '2026-03-04' is 3). */
export function daysFromTo(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** The program's suggested cadence in words: 2 → "at least twice a month". */
export function cadenceWords(perMonth: number): string | null {
  if (perMonth <= 0) return null;
  if (perMonth === 1) return 'at least once a month';
  if (perMonth === 2) return 'at least twice a month';
  return `at least ${perMonth} times a month`;
}

/** "America/Los_Angeles" → "Los Angeles", for a short mention of the program's time zone. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}
