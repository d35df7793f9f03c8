/** The re-match queue's query keys: every key starts with ['rematch'], so one change can refresh them all. */
export const rematchKeys = {
  all: ['rematch'] as const,
  queue: (status: 'open' | 'all') => ['rematch', 'queue', status] as const,
  candidates: (requestId: number) => ['rematch', 'candidates', requestId] as const,
  endCandidates: (matchId: number) => ['rematch', 'end-candidates', matchId] as const,
  history: (matchId: number) => ['rematch', 'history', matchId] as const,
};
