/**
 * How a period's pairs are made (PRODUCT.md: matching). `committee`: the committee runs the
 * engine and approves; `participant_choice`: mentees ask mentors from explained suggestions and
 * an accepted request is a match; `hybrid`: mentees rank the suggestions they like and the
 * committee's run counts those wishes.
 */
export const MATCHING_MODES = ['committee', 'participant_choice', 'hybrid'] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

export const MATCHING_MODE_LABELS: Record<MatchingMode, string> = {
  committee: 'Committee matches',
  participant_choice: 'Mentees choose',
  hybrid: 'Mentees state wishes, committee matches',
};

/** Modes in which mentees see suggestions. */
export const CHOOSING_MODES: readonly MatchingMode[] = ['participant_choice', 'hybrid'];

export const MENTOR_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'cancelled'] as const;
export type MentorRequestStatus = (typeof MENTOR_REQUEST_STATUSES)[number];

export const MENTOR_REQUEST_STATUS_LABELS: Record<MentorRequestStatus, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  cancelled: 'Closed by the program',
};

/** Limits on what people write. */
export const REQUEST_NOTE_MAX = 1000;
export const MENTOR_OFFER_MAX = 600;
export const PHOTO_ALT_MAX = 200;
/** Most mentors a mentee may rank in hybrid mode. */
export const MAX_WISHES = 5;
/** An uploaded photo may be this large before resizing. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
