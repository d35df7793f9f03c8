import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';

/**
 * The activity catalogue (things a pair might do together, each serving program goals) and the
 * contact log (a pair noting that they talked). Shared by the server routes and the web app.
 */

export const activitySchema = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  description: z.string(),
  /** program_goals.id this activity serves, in the program goals' order. */
  programGoalIds: z.array(z.number()),
  retired: z.boolean(),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityListSchema = z.object({ activities: z.array(activitySchema) });

export const activityListQuerySchema = z.strictObject({
  /** Staff only: list retired activities too (ignored for everyone else). */
  includeRetired: z.enum(['true', 'false']).optional(),
});

const programGoalIdsSchema = z.array(rowIdSchema).max(20);

export const createActivityBodySchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the activity a title.').max(200),
  description: z.string().trim().max(2000).default(''),
  programGoalIds: programGoalIdsSchema.default([]),
});
export type CreateActivity = z.infer<typeof createActivityBodySchema>;

export const updateActivityBodySchema = z
  .strictObject({
    title: z.string().trim().min(1, 'Give the activity a title.').max(200),
    description: z.string().trim().max(2000),
    programGoalIds: programGoalIdsSchema,
    retired: z.boolean(),
  })
  .partial();
export type UpdateActivity = z.infer<typeof updateActivityBodySchema>;

export const reorderActivitiesBodySchema = z.strictObject({
  ids: z.array(rowIdSchema).min(1).max(500),
});

export const CONTACT_NOTE_MAX = 2000;

/**
 * A contact as the pair logs it. The channel is any string here so that one the program does not
 * use gets a clear 422 (CHANNEL_NOT_USED) from the rules rather than a generic schema error.
 */
export const logContactBodySchema = z.strictObject({
  /** The day they talked, in the program's time zone; today when left out. */
  occurredOn: dateOnlySchema.optional(),
  channel: z.string().trim().min(1, 'Choose how you talked.').max(40),
  activityId: rowIdSchema.nullable().optional(),
  note: z.string().trim().max(CONTACT_NOTE_MAX, `Keep the note under ${CONTACT_NOTE_MAX} characters.`).optional(),
});
export type LogContact = z.infer<typeof logContactBodySchema>;

export const contactSchema = z.object({
  id: z.number(),
  occurredOn: z.string(),
  /** One of CHANNELS as it was logged (the program may have stopped using it since). */
  channel: z.string(),
  activityId: z.number().nullable(),
  activityTitle: z.string().nullable(),
  note: z.string(),
  /** Who logged it; null once that account is gone. */
  loggedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Only the person who logged a contact may delete it. */
  canDelete: z.boolean(),
  createdAt: instantSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const contactSummarySchema = z.object({
  /** Today in the program's time zone: the latest date a contact may carry. */
  today: z.string(),
  /** The day the match was made, in the program's time zone: the earliest date a contact may carry. */
  matchedOn: z.string(),
  lastContactOn: z.string().nullable(),
  daysSinceLastContact: z.number().nullable(),
  thisMonth: z.number(),
  suggestedPerMonth: z.number(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactLogSchema = z.object({
  matchId: z.number(),
  /** True for the pair while the match is active: staff read the log but don't write it. */
  canLog: z.boolean(),
  /** The channels the program uses, in the order staff set them. */
  channels: z.array(z.enum(CHANNELS)),
  summary: contactSummarySchema,
  /** Newest first. */
  contacts: z.array(contactSchema),
});
export type ContactLog = z.infer<typeof contactLogSchema>;
