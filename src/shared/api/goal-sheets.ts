import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { dateOnlySchema, rowIdSchema } from './common.ts';

/**
 * What a goal sheet says: the pair's goals (each tied to program goals) and how they will keep in
 * touch. Stored as JSON in goal_sheets.content and in every goal_sheet_versions row. A draft may
 * be incomplete (empty strings, no target date yet); submitting checks that it is complete.
 */
export const sheetGoalSchema = z.strictObject({
  title: z.string().trim().max(200),
  /** program_goals.id — at least one: every goal serves the program's purpose. */
  programGoalIds: z.array(rowIdSchema).min(1, 'Tie each goal to at least one program goal.').max(20),
  /** What the pair plans to do: activities, steps. */
  activities: z.string().trim().max(2000),
  /** How they will know it worked. */
  successMeasure: z.string().trim().max(1000),
  /** YYYY-MM-DD, or null while the pair has not picked one. */
  targetDate: dateOnlySchema.nullable(),
});
export type SheetGoal = z.infer<typeof sheetGoalSchema>;

export const communicationPlanSchema = z.strictObject({
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  /** In the pair's words, e.g. "a video call every other Tuesday evening". */
  cadence: z.string().trim().max(500),
});
export type CommunicationPlan = z.infer<typeof communicationPlanSchema>;

export const goalSheetContentSchema = z.strictObject({
  goals: z.array(sheetGoalSchema).max(10),
  communication: communicationPlanSchema,
});
export type GoalSheetContent = z.infer<typeof goalSheetContentSchema>;

export const EMPTY_GOAL_SHEET: GoalSheetContent = { goals: [], communication: { channels: [], cadence: '' } };

export const GOAL_SHEET_STATUSES = ['draft', 'submitted', 'returned', 'acknowledged'] as const;
export type GoalSheetStatus = (typeof GOAL_SHEET_STATUSES)[number];
