import { z } from 'zod';
import { GOAL_SHEET_STATUSES } from './goal-sheets.ts';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';
import { reasonViewSchema } from './matching.ts';
import { MATCH_EVENT_KINDS, MATCH_SIDES, REMATCH_REQUEST_STATUSES, REMATCH_TEXT_MAX } from '../match-management.ts';
import { MATCH_STATUSES } from '../match-status.ts';

const text = (what: string) => z.string().trim().max(REMATCH_TEXT_MAX, `Keep the ${what} under ${REMATCH_TEXT_MAX} characters.`);
const required = (what: string, hint: string) => text(what).min(1, hint);

/** A participant asks for a new partner. The reason is for the program office only. */
export const requestRematchBodySchema = z.strictObject({
  reason: required('reason', 'Say in a sentence or two why you would like a new partner.'),
  wishes: text('wishes').default(''),
});
export type RequestRematchBody = z.input<typeof requestRematchBodySchema>;

export const rematchRequestStatusSchema = z.enum(REMATCH_REQUEST_STATUSES);
export const matchSideSchema = z.enum(MATCH_SIDES);

/** A request as its own author sees it: their words back, and what came of it. */
export const myRematchRequestSchema = z.object({
  id: z.number(),
  matchId: z.number(),
  status: rematchRequestStatusSchema,
  side: matchSideSchema,
  reason: z.string(),
  wishes: z.string(),
  createdAt: instantSchema,
  resolvedAt: instantSchema.nullable(),
  /** Staff's note to the requester when they keep the match; null otherwise. */
  resolutionNote: z.string().nullable(),
});
export type MyRematchRequest = z.infer<typeof myRematchRequestSchema>;

const contactSchema = z.object({ name: z.string(), email: z.string() });

/**
 * The re-match guarantee on one match, for either of its people: whether they may still ask, and
 * their own request. Never the partner's request or reason.
 */
export const matchRematchStateSchema = z.object({
  matchId: z.number(),
  matchStatus: z.enum(MATCH_STATUSES),
  closesOn: dateOnlySchema.nullable(),
  open: z.boolean(),
  /** Shown after the window: whom to write to instead. */
  contact: contactSchema.nullable(),
  closedMessage: z.string().nullable(),
  myRequest: myRematchRequestSchema.nullable(),
});
export type MatchRematchState = z.infer<typeof matchRematchStateSchema>;

/** The next period a person is carried into, with the dates that matter to them. */
export const nextPeriodSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  applicationsOpenOn: dateOnlySchema,
  matchesAnnouncedOn: dateOnlySchema,
});

/** Home: the caller's requests, and where "reapply next period" leaves them. */
export const myRematchOverviewSchema = z.object({
  requests: z.array(myRematchRequestSchema),
  /** My active matches whose guarantee window is still open, with no open request of mine. */
  openWindows: z.array(z.object({ matchId: z.number(), partnerName: z.string(), partnerRole: matchSideSchema, closesOn: dateOnlySchema })),
  /** Set when the caller was placed in the next period's pool after a match ended. */
  reapply: z
    .object({
      /** The next period, once one exists; the person is added to its pool when it opens (or was, if open). */
      nextPeriod: nextPeriodSchema.nullable(),
      /** True once their application is in that period's pool. */
      inPool: z.boolean(),
    })
    .nullable(),
});
export type MyRematchOverview = z.infer<typeof myRematchOverviewSchema>;

const personSchema = z.object({ userId: z.number(), name: z.string(), email: z.string() });

/** What staff weigh a request against: how the pair has been doing. */
export const pairHistorySchema = z.object({
  contactsLogged: z.number(),
  lastContactOn: dateOnlySchema.nullable(),
  goalSheetStatus: z.enum([...GOAL_SHEET_STATUSES, 'none']),
  /** Earlier requests by either person on any of their matches, oldest first. */
  earlierRequests: z.array(
    z.object({
      id: z.number(),
      matchId: z.number(),
      requesterName: z.string(),
      status: rematchRequestStatusSchema,
      createdAt: instantSchema,
    }),
  ),
});

/** A request in the staff queue, with the reason and wishes. */
export const rematchQueueItemSchema = z.object({
  id: z.number(),
  status: rematchRequestStatusSchema,
  createdAt: instantSchema,
  side: matchSideSchema,
  reason: z.string(),
  wishes: z.string(),
  requester: personSchema,
  partner: personSchema,
  match: z.object({
    id: z.number(),
    status: z.enum(MATCH_STATUSES),
    periodId: z.number(),
    periodName: z.string(),
    matchedAt: instantSchema,
    windowClosesOn: dateOnlySchema.nullable(),
  }),
  history: pairHistorySchema,
  resolutionNote: z.string().nullable(),
  resolvedAt: instantSchema.nullable(),
  resolvedBy: z.string().nullable(),
});
export type RematchQueueItem = z.infer<typeof rematchQueueItemSchema>;

export const rematchQueueQuerySchema = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
export const rematchQueueSchema = z.object({
  requests: z.array(rematchQueueItemSchema),
  /** Whether the caller may act on the queue (staff; the committee when the settings allow). */
  canAct: z.boolean(),
});
export type RematchQueue = z.infer<typeof rematchQueueSchema>;

/** A possible new partner, from the engine, with the same explanation a matching run gives. */
export const rematchCandidateSchema = z.object({
  applicationId: z.number(),
  userId: z.number(),
  name: z.string(),
  score: z.number(),
  explanation: z.string(),
  reasons: z.array(reasonViewSchema),
  /** A mentor's places left (counting every active match); 1 for a mentee. */
  placesLeft: z.number(),
});
export type RematchCandidate = z.infer<typeof rematchCandidateSchema>;

export const candidateListSchema = z.object({
  person: personSchema.extend({ side: matchSideSchema, applicationId: z.number() }),
  /** Best first; the first is the engine's choice. */
  candidates: z.array(rematchCandidateSchema),
  /** Why the others in the pool are not offered, in words ("2 previous partners, 3 full"). */
  notOffered: z.array(z.string()),
});
export type CandidateList = z.infer<typeof candidateListSchema>;

export const rematchCandidatesSchema = z.object({
  requester: candidateListSchema,
  /** The partner left behind, who needs a new partner too (or to reapply). */
  partner: candidateListSchema,
});
export type RematchCandidates = z.infer<typeof rematchCandidatesSchema>;

/** What happens next to one person of a match that ends. */
export const nextStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rematch'), partnerApplicationId: rowIdSchema }),
  z.strictObject({ kind: z.literal('reapply') }),
  /** Nothing more: they leave the program, or (a mentor with other mentees) simply have a place free. */
  z.strictObject({ kind: z.literal('none') }),
]);
export type NextStep = z.infer<typeof nextStepSchema>;

const note = text('note').default('');

export const resolveRematchBodySchema = z.discriminatedUnion('action', [
  /** Decline the request: the match goes on; the note goes to the requester. */
  z.strictObject({ action: z.literal('keep'), note: required('note', 'Write a short note to the person who asked.') }),
  /** End the match; the requester and the partner each get their next step. */
  z.strictObject({ action: z.literal('end'), requester: nextStepSchema, partner: nextStepSchema, note }),
]);
export type ResolveRematchBody = z.input<typeof resolveRematchBodySchema>;

export const endMatchBodySchema = z.strictObject({
  reason: required('reason', 'Say why the match ends (for the record; the people are not shown it).'),
  mentor: nextStepSchema,
  mentee: nextStepSchema,
});
export type EndMatchBody = z.input<typeof endMatchBodySchema>;

export const matchChangeResultSchema = z.object({
  endedMatchId: z.number().nullable(),
  newMatchIds: z.array(z.number()),
  /** People carried into the next period's pool (now, or when it opens). */
  reapplied: z.array(z.number()),
});
export type MatchChangeResult = z.infer<typeof matchChangeResultSchema>;

export const matchEventSchema = z.object({
  id: z.number(),
  kind: z.enum(MATCH_EVENT_KINDS),
  at: instantSchema,
  actorName: z.string().nullable(),
  /** The event in a sentence, as staff read it. */
  text: z.string(),
  /** The other match this one led to or came from, when there is one. */
  relatedMatchId: z.number().nullable(),
});
export const matchHistorySchema = z.object({
  matchId: z.number(),
  mentorName: z.string(),
  menteeName: z.string(),
  periodName: z.string(),
  status: z.enum(MATCH_STATUSES),
  endReason: z.string().nullable(),
  events: z.array(matchEventSchema),
});
export type MatchHistory = z.infer<typeof matchHistorySchema>;
