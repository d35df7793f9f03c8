/** The little a match list needs to know to put the current period's matches first. */
export interface MatchInPeriod {
  id: number;
  periodId: number;
  status: 'active' | 'ended';
  matchedAt: string;
}

/**
 * Splits someone's matches into the current period's (shown first, as cards) and the rest (folded
 * under "Earlier matches"). The current period is the one of the most recently made active match;
 * its ended matches (a partner re-matched away) count as earlier ones. With no active match at
 * all, the most recent match's period is current, so an ended year still shows its pair.
 */
export function splitCurrentMatches<M extends MatchInPeriod>(matches: readonly M[]): { current: M[]; earlier: M[] } {
  const newestFirst = [...matches].sort((a, b) => b.matchedAt.localeCompare(a.matchedAt) || b.id - a.id);
  const active = newestFirst.filter((m) => m.status === 'active');
  const lead = active[0] ?? newestFirst[0];
  if (!lead) return { current: [], earlier: [] };
  const isCurrent = (m: M) => m.periodId === lead.periodId && (m.status === 'active' || active.length === 0);
  return { current: newestFirst.filter(isCurrent), earlier: newestFirst.filter((m) => !isCurrent(m)) };
}
