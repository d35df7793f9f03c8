import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { MATCH_STATUSES } from '../match-status.ts';
import { instantSchema, rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, queryFlagSchema, searchTextSchema } from './list-query.ts';
import { periodSchema } from './periods.ts';

const criterionWeight = z.object({ weight: z.number().min(0).max(1000), must: z.boolean() });
/** The engine's Weights (src/matching/weights.ts), complete: a run saves exactly what it used. */
export const weightsViewSchema = z.object({
  goals: criterionWeight,
  interests: criterionWeight,
  workplace: criterionWeight,
  experience: criterionWeight.extend({ idealMin: z.number().min(0), idealMax: z.number().min(0), falloff: z.number().positive() }),
  channels: criterionWeight,
  timeZone: criterionWeight.extend({ zeroAtHours: z.number().positive().max(24) }),
  region: criterionWeight,
  language: criterionWeight,
  preferences: criterionWeight,
});
export type WeightsView = z.infer<typeof weightsViewSchema>;

export const objectiveSchema = z.enum(['most-matched', 'total-score']);

export const startRunBodySchema = z.strictObject({
  weights: weightsViewSchema.strict().optional(),
  objective: objectiveSchema.default('most-matched'),
  minScore: z.number().min(0).max(100).nullable().default(null),
});

export const reasonViewSchema = z.object({
  criterion: z.string(),
  polarity: z.enum(['for', 'against']),
  text: z.string(),
});

export const runPairSchema = z.object({
  menteeApplicationId: z.number(),
  menteeName: z.string(),
  mentorApplicationId: z.number(),
  mentorName: z.string(),
  score: z.number(),
  explanation: z.string(),
  reasons: z.array(reasonViewSchema),
  locked: z.boolean(),
  /** Set by a person in the workspace rather than proposed by the engine. */
  editedByHand: z.boolean(),
});
export const runUnmatchedSchema = z.object({
  menteeApplicationId: z.number(),
  menteeName: z.string(),
  /** already-matched: left out of the run, the mentee has a mentor in an active match (one at a time). */
  reason: z.enum(['no-eligible-mentor', 'below-min-score', 'mentors-full', 'removed-by-hand', 'already-matched']),
  explanation: z.string(),
});
export const runSummarySchema = z.object({
  matched: z.number(),
  unmatched: z.number(),
  total: z.number(),
  meanScore: z.number().nullable(),
  worstScore: z.number().nullable(),
});
export const runResultSchema = z.object({
  pairs: z.array(runPairSchema),
  unmatched: z.array(runUnmatchedSchema),
  mentors: z.array(z.object({ mentorApplicationId: z.number(), name: z.string(), capacity: z.number(), assigned: z.number() })),
  summary: runSummarySchema,
  /** What the run could not honour and set aside, e.g. a lock whose mentee left the pool. */
  notes: z.array(z.string()).optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/** running → done | failed; a done run's proposal becomes the period's matches when approved. */
export const RUN_STATUSES = ['running', 'done', 'failed', 'approved'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const runStatusSchema = z.enum(RUN_STATUSES);
export const matchingRunSchema = z.object({
  id: z.number(),
  periodId: z.number(),
  status: runStatusSchema,
  /** 0..1 while running. */
  progress: z.number(),
  weights: weightsViewSchema,
  objective: objectiveSchema,
  minScore: z.number().nullable(),
  createdAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  approvedAt: instantSchema.nullable(),
  /** The pool, its applications or the pair rules changed since this run: approve needs a re-run. */
  stale: z.boolean(),
  result: runResultSchema.nullable(),
  error: z.string().nullable(),
});
export type MatchingRun = z.infer<typeof matchingRunSchema>;

/**
 * `GET /api/matching-runs/:id?view=summary`: the run without its pairs, so a page can show the
 * figures at once and read the pairs a page at a time (`/pairs`). The default, `full`, is the
 * whole run as other tools have always read it.
 */
export const runViewQuerySchema = z.strictObject({ view: z.enum(['full', 'summary']).default('full') });
export const runResultSummarySchema = runResultSchema.omit({ pairs: true });
export const matchingRunSummarySchema = matchingRunSchema.extend({ result: runResultSummarySchema.nullable() });
export type MatchingRunSummary = z.infer<typeof matchingRunSummarySchema>;
/** What the run route answers: the full run, or its summary view when asked. */
export const matchingRunViewSchema = z.union([matchingRunSchema, matchingRunSummarySchema]);

/** Weakest first by default: the pairs a coordinator most needs to look at come first. */
export const RUN_PAIR_SORTS = ['score-asc', 'score-desc', 'mentor', 'mentee'] as const;
export type RunPairSort = (typeof RUN_PAIR_SORTS)[number];
export const runPairsQuerySchema = z.strictObject({
  sort: z.enum(RUN_PAIR_SORTS).default('score-asc'),
  /** Part of the mentee's or the mentor's name. */
  q: searchTextSchema.optional(),
  /** Only pairs with something against them: a reason against, or a mentor over their places. */
  warnings: queryFlagSchema.optional(),
  /** Only pairs locked by a pair rule. */
  locked: queryFlagSchema.optional(),
  /** Only this mentor's mentees (the mentor's application id). */
  mentor: z.coerce.number().pipe(rowIdSchema).optional(),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type RunPairsQuery = z.output<typeof runPairsQuerySchema>;
export const runPairsPageSchema = z.object({
  pairs: z.array(runPairSchema),
  ...listPageFields,
  /** Over the whole run, whatever the search and filters: what the filter choices would show. */
  counts: z.object({
    all: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    locked: z.number().int().nonnegative(),
    editedByHand: z.number().int().nonnegative(),
    unmatched: z.number().int().nonnegative(),
  }),
});
export type RunPairsPage = z.infer<typeof runPairsPageSchema>;

/** Staff's say over one pair: lock it into every run, or forbid it. */
export const PAIR_RULE_KINDS = ['lock', 'forbid'] as const;
export type PairRuleKind = (typeof PAIR_RULE_KINDS)[number];

export const pairRuleSchema = z.object({
  id: z.number(),
  kind: z.enum(PAIR_RULE_KINDS),
  menteeApplicationId: z.number(),
  menteeName: z.string(),
  mentorApplicationId: z.number(),
  mentorName: z.string(),
  createdAt: instantSchema,
});
export const createPairRuleBodySchema = z.strictObject({
  kind: z.enum(PAIR_RULE_KINDS),
  menteeApplicationId: rowIdSchema,
  mentorApplicationId: rowIdSchema,
});

export const workspaceSchema = z.object({
  period: periodSchema,
  pool: z.object({ mentees: z.number(), mentors: z.number(), mentorPlaces: z.number() }),
  /** Weights the next run starts from: the latest run's, else the defaults. */
  weights: weightsViewSchema,
  latestRun: matchingRunSchema.nullable(),
  previousSummary: runSummarySchema.nullable(),
  rules: z.array(pairRuleSchema),
});

export const pairPreviewQuerySchema = z.strictObject({
  menteeApplicationId: z.coerce.number().pipe(rowIdSchema),
  mentorApplicationId: z.coerce.number().pipe(rowIdSchema),
});
export const warningSchema = z.object({ code: z.string(), message: z.string() });
export type Warning = z.infer<typeof warningSchema>;
export const pairPreviewSchema = z.object({
  score: z.number().nullable(),
  explanation: z.string(),
  reasons: z.array(reasonViewSchema),
  warnings: z.array(warningSchema),
});
export const reassignBodySchema = z.strictObject({
  menteeApplicationId: rowIdSchema,
  /** null takes the mentee out of the proposal. */
  mentorApplicationId: rowIdSchema.nullable(),
  /** Needed to go ahead when the preview warned (a hard rule or capacity would break). */
  acceptWarnings: z.boolean().default(false),
  /** 'summary' answers without the pairs (a page reads them a page at a time); 'full' by default. */
  view: z.enum(['full', 'summary']).default('full'),
});
export type PairPreview = z.infer<typeof pairPreviewSchema>;
export const approveResultSchema = z.object({
  matchesCreated: z.number(),
  unmatchedNotified: z.number(),
  period: periodSchema,
});

/** A participant's own match: their partner and how to reach them. */
export const myMatchSchema = z.object({
  id: z.number(),
  periodId: z.number(),
  periodName: z.string(),
  myRole: z.enum(['mentor', 'mentee']),
  matchedAt: instantSchema,
  status: z.enum(MATCH_STATUSES),
  explanation: z.string(),
  partner: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    jobTitle: z.string(),
    employer: z.string(),
    region: z.string(),
    timeZone: z.string(),
    channels: z.array(z.enum(CHANNELS)),
    languages: z.array(z.string()),
  }),
});
export type MyMatch = z.infer<typeof myMatchSchema>;
export const myMatchListSchema = z.object({ matches: z.array(myMatchSchema) });
