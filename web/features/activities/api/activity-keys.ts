// This feature's query keys. Kept here rather than in lib/query-keys.ts: nothing outside the
// feature needs to refresh them.
export const activityKeys = {
  all: ['activities'] as const,
  catalogue: (includeRetired: boolean) => ['activities', 'catalogue', includeRetired] as const,
  contactLog: (matchId: number) => ['activities', 'contacts', matchId] as const,
};
