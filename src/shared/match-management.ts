/** Words of the match-management vocabulary that the server stores and the web shows. */

export const MATCH_SIDES = ['mentor', 'mentee'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];

/**
 * A re-match request: open until staff act or the requester withdraws it. Staff end it by
 * re-matching, carrying the person into the next period (reapply), keeping the match, or by
 * ending the match outright (closed).
 */
export const REMATCH_REQUEST_STATUSES = ['open', 'withdrawn', 'rematched', 'reapply', 'kept', 'closed'] as const;
export type RematchRequestStatus = (typeof REMATCH_REQUEST_STATUSES)[number];

/** What a match's history records, oldest first. */
export const MATCH_EVENT_KINDS = [
  'made',
  'rematch_requested',
  'rematch_withdrawn',
  'rematch_kept',
  'rematched',
  'reapply',
  'ended',
  'liaison_assigned',
  'check_in_sent',
  'check_in_answered',
] as const;
export type MatchEventKind = (typeof MATCH_EVENT_KINDS)[number];

export const CHECK_IN_ANSWERS = ['all_good', 'talk'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

/** The status a carried-over application starts with in the next period. */
export const CARRY_FORWARD_AS = ['submitted', 'accepted'] as const;
export type CarryForwardAs = (typeof CARRY_FORWARD_AS)[number];

/** Longest reason, wishes or staff note, in characters. */
export const REMATCH_TEXT_MAX = 2000;
