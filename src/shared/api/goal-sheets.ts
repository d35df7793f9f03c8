import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { MATCH_STATUSES } from '../match-status.ts';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, searchTextSchema } from './list-query.ts';

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

export const GOAL_SHEET_STATUS_LABELS: Record<GoalSheetStatus, string> = {
  draft: 'Draft',
  submitted: 'Sent to the program office',
  returned: 'Returned for changes',
  acknowledged: 'Acknowledged',
};

/** What happened at each revision, in the sheet's history. */
export const GOAL_SHEET_EVENTS = ['saved', 'submitted', 'returned', 'acknowledged'] as const;
export type GoalSheetEvent = (typeof GOAL_SHEET_EVENTS)[number];

/** Who is looking at a sheet: one of the pair, or the program office. */
export const GOAL_SHEET_VIEWERS = ['mentor', 'mentee', 'staff'] as const;
export type GoalSheetViewer = (typeof GOAL_SHEET_VIEWERS)[number];

// ---- Responses. Plain strings only: a schema with a transform (trim) cannot serialize. ----

const sheetGoalViewSchema = z.object({
  title: z.string(),
  programGoalIds: z.array(z.number()),
  activities: z.string(),
  successMeasure: z.string(),
  targetDate: z.string().nullable(),
});
export const goalSheetContentViewSchema = z.object({
  goals: z.array(sheetGoalViewSchema),
  communication: z.object({ channels: z.array(z.enum(CHANNELS)), cadence: z.string() }),
});

const personRefSchema = z.object({ id: z.number(), name: z.string() });

export const goalSheetViewSchema = z.object({
  matchId: z.number(),
  matchStatus: z.enum(MATCH_STATUSES),
  programName: z.string(),
  periodId: z.number(),
  periodName: z.string(),
  mentor: personRefSchema,
  mentee: personRefSchema,
  /** 'draft' also when nobody has saved anything yet (revision 0, no row). */
  status: z.enum(GOAL_SHEET_STATUSES),
  /** 0 until the first save; a save or submission names the revision it started from. */
  revision: z.number(),
  content: goalSheetContentViewSchema,
  matchedOn: z.string(),
  dueOn: z.string(),
  programEndsOn: z.string(),
  /** Calendar days until dueOn in the program's time zone: 0 = today, negative = past. */
  daysLeft: z.number(),
  /** Whether the first submission came by the end of the due date; null until it is submitted. */
  onTime: z.boolean().nullable(),
  /** Not yet sent and the due date is over. */
  overdue: z.boolean(),
  submittedAt: instantSchema.nullable(),
  submittedByName: z.string().nullable(),
  firstSubmittedAt: instantSchema.nullable(),
  reviewedAt: instantSchema.nullable(),
  reviewedByName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: instantSchema.nullable(),
  viewer: z.enum(GOAL_SHEET_VIEWERS),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  /** Who may send it in, from the program settings. */
  submitter: z.enum(['mentee', 'either']),
  goalsMin: z.number(),
  goalsMax: z.number(),
  /** Every program goal, retired ones too (an older sheet may name one), in the program's order. */
  programGoals: z.array(z.object({ id: z.number(), title: z.string(), retired: z.boolean() })),
  /** The channels the program offers for the communication plan. */
  channels: z.array(z.enum(CHANNELS)),
});
export type GoalSheetView = z.infer<typeof goalSheetViewSchema>;

const fieldProblemSchema = z.object({ path: z.string(), message: z.string() });

/**
 * A 409 from a goal-sheet route: like every error, plus — when the sheet changed since the caller
 * loaded it (STALE_REVISION) — the sheet as it is now, so the second person can merge.
 */
export const goalSheetConflictSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.union([z.array(fieldProblemSchema), z.object({ current: goalSheetViewSchema })]).optional(),
});
export const staleRevisionSchema = z.object({
  code: z.literal('STALE_REVISION'),
  message: z.string(),
  details: z.object({ current: goalSheetViewSchema }),
});

export const goalSheetVersionSchema = z.object({
  revision: z.number(),
  event: z.enum(GOAL_SHEET_EVENTS),
  actorName: z.string().nullable(),
  at: instantSchema,
  comment: z.string().nullable(),
  content: goalSheetContentViewSchema,
});
export type GoalSheetVersion = z.infer<typeof goalSheetVersionSchema>;
export const goalSheetVersionListSchema = z.object({ versions: z.array(goalSheetVersionSchema) });

/** The staff list's filter: a sheet status, or every sheet past its due date and not sent. */
export const GOAL_SHEET_FILTERS = [...GOAL_SHEET_STATUSES, 'overdue'] as const;
export type GoalSheetFilter = (typeof GOAL_SHEET_FILTERS)[number];

/**
 * The staff list's order: `attention` (overdue first, then waiting for review, then by due date),
 * `due` (soonest due first) or `mentee` (by the mentee's name).
 */
export const GOAL_SHEET_SORTS = ['attention', 'due', 'mentee'] as const;
export type GoalSheetSort = (typeof GOAL_SHEET_SORTS)[number];

/**
 * GET /api/goal-sheets: one period (the default one when not given); `q` searches the mentor's and
 * the mentee's names; `after` is the previous page's `nextCursor`.
 */
export const goalSheetListQuerySchema = z.strictObject({
  periodId: z.coerce.number().pipe(rowIdSchema).optional(),
  status: z.enum(GOAL_SHEET_FILTERS).optional(),
  q: searchTextSchema.optional(),
  sort: z.enum(GOAL_SHEET_SORTS).default('attention'),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type GoalSheetListQuery = z.output<typeof goalSheetListQuerySchema>;

export const goalSheetListRowSchema = z.object({
  matchId: z.number(),
  matchStatus: z.enum(MATCH_STATUSES),
  mentor: personRefSchema,
  mentee: personRefSchema,
  status: z.enum(GOAL_SHEET_STATUSES),
  /** False while nobody has saved anything yet. */
  started: z.boolean(),
  goals: z.number(),
  dueOn: z.string(),
  daysLeft: z.number(),
  overdue: z.boolean(),
  onTime: z.boolean().nullable(),
  submittedAt: instantSchema.nullable(),
  reviewedAt: instantSchema.nullable(),
});
export type GoalSheetListRow = z.infer<typeof goalSheetListRowSchema>;

export const goalSheetListSchema = z.object({
  /** The period shown; null when the program has no period with matches yet. */
  period: z.object({ id: z.number(), name: z.string() }).nullable(),
  periods: z.array(z.object({ id: z.number(), name: z.string(), status: z.string() })),
  /** Counts over the period (and the search, if any), before the status filter. */
  counts: z.object({ draft: z.number(), submitted: z.number(), returned: z.number(), acknowledged: z.number(), overdue: z.number() }),
  /** One page of rows in the order asked for; `total` counts every row that matches. */
  rows: z.array(goalSheetListRowSchema),
  ...listPageFields,
});
export type GoalSheetList = z.infer<typeof goalSheetListSchema>;

// ---- Requests ----

const revisionSchema = z.number().int().min(0).max(2_147_483_647);

export const saveGoalSheetBodySchema = z.strictObject({
  /** The revision the edit started from (0 for a sheet nobody has saved yet). */
  baseRevision: revisionSchema,
  content: goalSheetContentSchema,
});
export type SaveGoalSheetBody = z.infer<typeof saveGoalSheetBodySchema>;

export const submitGoalSheetBodySchema = z.strictObject({ revision: revisionSchema });

const reviewCommentSchema = z.string().trim().max(2000, 'Keep the comment to 2,000 characters or fewer.');

export const acknowledgeGoalSheetBodySchema = z.strictObject({
  revision: revisionSchema,
  comment: reviewCommentSchema.optional(),
});
export const returnGoalSheetBodySchema = z.strictObject({
  revision: revisionSchema,
  comment: reviewCommentSchema.min(1, 'Tell the pair what to change: the comment is sent to them.'),
});
