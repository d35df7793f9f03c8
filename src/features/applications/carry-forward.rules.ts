import type { PeriodStatus } from '../../shared/period-status.ts';

/**
 * The period a carried-over application goes to: the earliest one that starts taking applications
 * after the source period did and has not begun its program year. It can still be a draft (the
 * copy is made when it opens) or already open or matching (the copy is made at once).
 */
export interface PeriodFacts {
  id: number;
  status: PeriodStatus;
  applicationsOpenOn: string;
}

const NOT_STARTED: readonly PeriodStatus[] = ['draft', 'applications_open', 'matching'];
/** Periods whose pool a copy can join right now. */
export const TAKING_APPLICATIONS: readonly PeriodStatus[] = ['applications_open', 'matching'];

export function nextPeriodAfter<P extends PeriodFacts>(periods: readonly P[], source: PeriodFacts): P | null {
  const later = periods
    .filter((p) => p.id !== source.id && NOT_STARTED.includes(p.status) && p.applicationsOpenOn > source.applicationsOpenOn)
    .sort((a, b) => a.applicationsOpenOn.localeCompare(b.applicationsOpenOn) || a.id - b.id);
  return later[0] ?? null;
}
