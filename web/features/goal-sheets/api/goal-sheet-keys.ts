/** Query keys of this feature: every goal-sheet query starts with 'goal-sheets', so one call refreshes them all. */
export const goalSheetKeys = {
  all: ['goal-sheets'] as const,
  sheet: (matchId: number) => ['goal-sheets', 'sheet', matchId] as const,
  versions: (matchId: number) => ['goal-sheets', 'versions', matchId] as const,
  list: (filters: { periodId?: number | undefined; status?: string | undefined; q?: string | undefined; sort?: string | undefined }) =>
    ['goal-sheets', 'list', filters] as const,
};
