import { z } from 'zod';
import { instantSchema } from './common.ts';

/**
 * Erasing a person. `activeMatches: 'end'` confirms that their active matches end (as staff
 * ending a match would); without it, a person with an active match is refused with 409
 * ACTIVE_MATCH and nothing changes.
 */
export const eraseBodySchema = z.strictObject({
  activeMatches: z.literal('end').optional(),
});
export type EraseBody = z.infer<typeof eraseBodySchema>;

const activeMatchSchema = z.object({
  id: z.number(),
  periodName: z.string(),
  /** The erased person's side in the match. */
  side: z.enum(['mentor', 'mentee']),
  partnerName: z.string(),
});
export type ActiveMatchToEnd = z.infer<typeof activeMatchSchema>;

/** What erasing this person would do, for the confirm dialog. */
export const erasurePreviewSchema = z.object({
  userId: z.number(),
  name: z.string(),
  erased: z.boolean(),
  /** Why it cannot be done (yourself, the last staff account, already erased), or null. */
  refusal: z.string().nullable(),
  activeMatches: z.array(activeMatchSchema),
  /** What is kept, without identity, in plain words. */
  kept: z.array(z.string()),
  /** What is replaced or deleted, in plain words. */
  removed: z.array(z.string()),
});
export type ErasurePreview = z.infer<typeof erasurePreviewSchema>;

export const erasureResultSchema = z.object({
  userId: z.number(),
  erasedAt: instantSchema,
  endedMatchIds: z.array(z.number()),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

/** "Download my data": everything Tandem holds about the signed-in person, as one JSON file. */
export const myDataSchema = z.object({
  format: z.literal('tandem-personal-data'),
  version: z.literal(1),
  generatedAt: instantSchema,
  programName: z.string(),
  /** What the file holds and what it leaves out, in plain words. */
  notes: z.array(z.string()),
  account: z.object({
    id: z.number(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    disabled: z.boolean(),
    createdAt: instantSchema,
    calendarFeed: z.object({ active: z.boolean(), createdAt: instantSchema.nullable() }),
  }),
  /** Their applications as they see them, answers included. */
  applications: z.array(z.unknown()),
  matches: z.array(
    z.object({
      id: z.number(),
      periodName: z.string(),
      myRole: z.enum(['mentor', 'mentee']),
      status: z.string(),
      matchedAt: instantSchema,
      /** The partner's name only: the rest of the partner's details are theirs. */
      partnerName: z.string(),
      explanation: z.string(),
    }),
  ),
  goalSheets: z.array(
    z.object({
      matchId: z.number(),
      periodName: z.string(),
      status: z.string(),
      content: z.unknown(),
      dueOn: z.string(),
      submittedAt: instantSchema.nullable(),
      reviewedAt: instantSchema.nullable(),
      reviewComment: z.string().nullable(),
    }),
  ),
  /** Contacts they logged themselves. */
  contacts: z.array(
    z.object({
      matchId: z.number(),
      occurredOn: z.string(),
      channel: z.string(),
      activityTitle: z.string().nullable(),
      note: z.string(),
      createdAt: instantSchema,
    }),
  ),
  mentorCard: z.object({ offer: z.string(), photoAlt: z.string(), hasPhoto: z.boolean() }).nullable(),
  mentorRequests: z.object({
    sent: z.array(
      z.object({
        id: z.number(),
        periodName: z.string(),
        mentorName: z.string(),
        status: z.string(),
        note: z.string(),
        answerNote: z.string().nullable(),
        createdAt: instantSchema,
        answeredAt: instantSchema.nullable(),
      }),
    ),
    received: z.array(
      z.object({
        id: z.number(),
        periodName: z.string(),
        menteeName: z.string(),
        status: z.string(),
        answerNote: z.string().nullable(),
        createdAt: instantSchema,
        answeredAt: instantSchema.nullable(),
      }),
    ),
  }),
  rematchRequests: z.array(
    z.object({
      id: z.number(),
      matchId: z.number(),
      status: z.string(),
      reason: z.string(),
      wishes: z.string(),
      createdAt: instantSchema,
      resolvedAt: instantSchema.nullable(),
    }),
  ),
  events: z.array(
    z.object({
      eventId: z.number(),
      title: z.string(),
      kind: z.string(),
      startsAt: instantSchema,
      status: z.string(),
      invitedAt: instantSchema,
      rsvp: z.string().nullable(),
      respondedAt: instantSchema.nullable(),
      waitlisted: z.boolean(),
      attended: z.boolean().nullable(),
    }),
  ),
  surveys: z.array(
    z.object({
      surveyId: z.number(),
      title: z.string(),
      periodName: z.string(),
      named: z.boolean(),
      respondedOn: z.string().nullable(),
      /** Named surveys only; null for an anonymous one (see notes). */
      answers: z.array(z.object({ question: z.string(), answer: z.unknown() })).nullable(),
    }),
  ),
  /** Audit-log entries about their account. */
  auditLog: z.array(
    z.object({
      at: instantSchema,
      action: z.string(),
      byName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type MyData = z.infer<typeof myDataSchema>;
