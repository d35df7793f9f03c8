import type { PeriodStatus } from './period-status.ts';

/** Periods whose matches exist: approval moves a period to active, and it goes on from there. */
const HAD_MATCHES: ReadonlySet<PeriodStatus> = new Set(['active', 'evaluation', 'closed']);

/**
 * The period a staff page about matches opens on (goal sheets, program health): the active one,
 * else the newest that had matches, else the newest. Periods come newest first, as the API lists
 * them. The server and the web app both call this, so they always agree.
 */
export function defaultPeriodId(periods: readonly { id: number; status: PeriodStatus }[]): number | null {
  return (periods.find((p) => p.status === 'active') ?? periods.find((p) => HAD_MATCHES.has(p.status)) ?? periods[0])?.id ?? null;
}
