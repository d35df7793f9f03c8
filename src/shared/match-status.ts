/** A match is made active when matching is approved; an ended one stays on record. */
export const MATCH_STATUSES = ['active', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
