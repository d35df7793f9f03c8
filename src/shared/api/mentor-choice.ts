import { z } from 'zod';
import { CAREER_STAGES, WORKPLACE_TYPES } from '../application-vocabulary.ts';
import {
  MATCHING_MODES,
  MAX_WISHES,
  MENTOR_OFFER_MAX,
  MENTOR_REQUEST_STATUSES,
  PHOTO_ALT_MAX,
  REQUEST_NOTE_MAX,
} from '../matching-modes.ts';
import { instantSchema, rowIdSchema } from './common.ts';

export const matchingModeSchema = z.enum(MATCHING_MODES);
export const mentorRequestStatusSchema = z.enum(MENTOR_REQUEST_STATUSES);

/**
 * What a mentee may see of a mentor before they are matched: never an e-mail address, a phone
 * number, an employer's name or anything confidential.
 */
export const mentorCardSchema = z.object({
  userId: z.number(),
  name: z.string(),
  jobTitle: z.string(),
  workplaceType: z.enum(WORKPLACE_TYPES),
  yearsExperience: z.number(),
  expertise: z.array(z.string()),
  languages: z.array(z.string()),
  region: z.string(),
  timeZone: z.string(),
  /** "What I offer", in the mentor's words; empty until they write it. */
  offer: z.string(),
  /** A URL of the resized photo, or null. */
  photoUrl: z.string().nullable(),
  photoAlt: z.string(),
});
export type MentorCard = z.infer<typeof mentorCardSchema>;

/** How a suggestion sits with the rest of the program (decision 0014). */
export const SUGGESTION_FITS = ['best', 'good', 'costly'] as const;
export const suggestionSchema = z.object({
  /** The mentor's user id. */
  mentorId: z.number(),
  name: z.string(),
  /** Why this pair fits, in friendly words (what counts against a pair is for staff only). */
  reasons: z.array(z.string()),
  score: z.number(),
  /**
   * best: the mentor an optimal matching of everyone gives this mentee; good: choosing them costs
   * the rest of the program little; costly: it would take a place others depend on.
   */
  fit: z.enum(SUGGESTION_FITS),
  /** Score points the program's best total falls at least if this mentee takes this mentor. */
  pointsLost: z.number(),
  /** Taking this mentor leaves another mentee with no eligible mentor with room. */
  leavesSomeoneWithout: z.boolean(),
  /** More mentees have this mentor as their best fit than the mentor has places. */
  inHighDemand: z.boolean(),
  placesLeft: z.number(),
  card: mentorCardSchema,
  /** My pending request to this mentor, if any. */
  pendingRequestId: z.number().nullable(),
  /** Hybrid mode: where I ranked this mentor (1 = first), or null. */
  wishRank: z.number().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const SUGGESTION_STATES = ['choosing', 'matched', 'not-choosing'] as const;
export const mySuggestionsSchema = z.object({
  /** choosing: suggestions follow; matched: I have a mentor; not-choosing: no period where I choose. */
  state: z.enum(SUGGESTION_STATES),
  period: z.object({ id: z.number(), name: z.string(), mode: matchingModeSchema }).nullable(),
  suggestions: z.array(suggestionSchema),
  /** Why there is nothing to suggest, in words for the mentee; null when there are suggestions. */
  emptyReason: z.string().nullable(),
  /** How many mentors I may ask at once, and how many I am waiting on. */
  requestsAtOnce: z.number(),
  pendingRequests: z.number(),
  requestExpiryDays: z.number(),
  computedAt: instantSchema.nullable(),
});
export type MySuggestions = z.infer<typeof mySuggestionsSchema>;

const noteSchema = z.string().trim().max(REQUEST_NOTE_MAX, `Keep the note under ${REQUEST_NOTE_MAX} characters.`);

export const createMentorRequestBodySchema = z.strictObject({
  /** The mentor's user id, as in the suggestions. */
  mentorId: rowIdSchema,
  note: noteSchema,
});
export const answerMentorRequestBodySchema = z.strictObject({ note: noteSchema.default('') });
export type AnswerMentorRequestBody = z.input<typeof answerMentorRequestBodySchema>;

/** What a mentor sees of the mentee who asks: enough to decide, nothing confidential. */
export const menteeGlimpseSchema = z.object({
  jobTitle: z.string(),
  careerStage: z.enum(CAREER_STAGES),
  workplaceType: z.enum(WORKPLACE_TYPES),
  yearsExperience: z.number(),
  interests: z.array(z.string()),
  languages: z.array(z.string()),
  region: z.string(),
  timeZone: z.string(),
  goals: z.array(z.string()),
  hopes: z.string(),
});

export const mentorRequestSchema = z.object({
  id: z.number(),
  periodId: z.number(),
  periodName: z.string(),
  status: mentorRequestStatusSchema,
  mentee: z.object({ userId: z.number(), name: z.string() }),
  mentor: z.object({ userId: z.number(), name: z.string() }),
  note: z.string(),
  /** The mentor's (or staff's) words with the answer. */
  answerNote: z.string().nullable(),
  createdAt: instantSchema,
  expiresAt: instantSchema,
  answeredAt: instantSchema.nullable(),
  /** The match an accepted request made. */
  matchId: z.number().nullable(),
  /** For the mentor and staff: who is asking. Null for the mentee. */
  menteeGlimpse: menteeGlimpseSchema.nullable(),
  /** For the mentor and staff: why the pair fits, in friendly words. */
  reasons: z.array(z.string()),
});
export type MentorRequest = z.infer<typeof mentorRequestSchema>;

export const myMentorRequestsSchema = z.object({
  /** Requests I made as a mentee, newest first. */
  sent: z.array(mentorRequestSchema),
  /** Requests made to me as a mentor, pending first. */
  received: z.array(mentorRequestSchema),
});
export type MyMentorRequests = z.infer<typeof myMentorRequestsSchema>;

export const acceptedRequestSchema = z.object({ request: mentorRequestSchema, matchId: z.number() });

export const periodMentorRequestsSchema = z.object({
  period: z.object({ id: z.number(), name: z.string(), mode: matchingModeSchema }),
  counts: z.record(mentorRequestStatusSchema, z.number()),
  requests: z.array(mentorRequestSchema),
});
export type PeriodMentorRequests = z.infer<typeof periodMentorRequestsSchema>;

/** A mentor's own card, as they edit it. */
export const myMentorCardSchema = z.object({
  /** False for someone with no mentor application: they have no card to show. */
  isMentor: z.boolean(),
  card: mentorCardSchema.nullable(),
});
export type MyMentorCard = z.infer<typeof myMentorCardSchema>;
export const updateMentorCardBodySchema = z.strictObject({
  offer: z.string().trim().max(MENTOR_OFFER_MAX, `Keep it under ${MENTOR_OFFER_MAX} characters.`),
  /** Left out: the photo keeps its description. */
  photoAlt: z.string().trim().max(PHOTO_ALT_MAX, `Keep the description under ${PHOTO_ALT_MAX} characters.`).optional(),
});
export type UpdateMentorCardBody = z.infer<typeof updateMentorCardBodySchema>;
export const mentorCardParamsSchema = z.strictObject({ userId: z.coerce.number().pipe(rowIdSchema) });

/** Hybrid mode: the mentors I would like, first choice first. */
export const saveWishesBodySchema = z.strictObject({
  mentorIds: z
    .array(rowIdSchema)
    .max(MAX_WISHES, `Choose at most ${MAX_WISHES} mentors.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Name each mentor once.'),
});
export const myWishesSchema = z.object({ mentorIds: z.array(z.number()) });
