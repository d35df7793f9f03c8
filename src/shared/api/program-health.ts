import { z } from 'zod';
import { dateOnlySchema, instantSchema } from './common.ts';
import { periodStatusSchema } from './periods.ts';
import { workspaceSheetStateSchema } from './workspace.ts';

/**
 * The staff's program-health view of one period: which matches need a nudge and why, how goal
 * sheets are going against their deadline, and how often pairs are logging contacts.
 */

/** Why a match needs attention, most serious first (see program-health.rules.ts for the points). */
export const RISK_CODES = [
  'rematch_requested',
  'check_in_talk',
  'goal_sheet_overdue',
  'goal_sheet_returned',
  'quiet',
  'guarantee_closing',
  'goal_sheet_due_soon',
] as const;
export const riskCodeSchema = z.enum(RISK_CODES);
export type RiskCode = z.infer<typeof riskCodeSchema>;

export const riskReasonSchema = z.object({
  code: riskCodeSchema,
  /** A short name for a badge, e.g. "Quiet". */
  label: z.string(),
  /** The same in a sentence with the numbers, e.g. "No contact logged for 4 weeks". */
  text: z.string(),
});
export type RiskReason = z.infer<typeof riskReasonSchema>;

const personLineSchema = z.object({ userId: z.number(), name: z.string(), email: z.string() });
export type PersonLine = z.infer<typeof personLineSchema>;

export const healthMatchSchema = z.object({
  matchId: z.number(),
  matchedOn: dateOnlySchema,
  mentee: personLineSchema,
  mentor: personLineSchema,
  /** 0 = nothing to worry about; higher = look sooner. */
  riskScore: z.number(),
  reasons: z.array(riskReasonSchema),
  goalSheet: z.object({ status: workspaceSheetStateSchema, dueOn: dateOnlySchema }),
  lastContactOn: dateOnlySchema.nullable(),
  guaranteeClosesOn: dateOnlySchema.nullable(),
  /** The committee member who looks after the pair, if one is assigned. */
  liaison: personLineSchema.nullable(),
  /** When staff last sent the pair a check-in (null: never). */
  lastCheckInSentAt: instantSchema.nullable(),
  /** Pages to act from. */
  links: z.object({ goalSheet: z.string(), match: z.string() }),
});
export type HealthMatch = z.infer<typeof healthMatchSchema>;

/**
 * What a liaison sees: every active match they look after (those with nothing to worry about
 * too, with no reasons), highest risk first, with the same reasons as program health. No links
 * to the pair's pages: those belong to the pair and the program office.
 */
export const liaisonMatchSchema = healthMatchSchema
  .omit({ links: true, liaison: true, lastCheckInSentAt: true })
  .extend({ periodId: z.number(), periodName: z.string() });
export type LiaisonMatch = z.infer<typeof liaisonMatchSchema>;

export const liaisonMatchesSchema = z.object({
  /** Today in the program's time zone, which every date here is in. */
  today: dateOnlySchema,
  timeZone: z.string(),
  matches: z.array(liaisonMatchSchema),
});
export type LiaisonMatches = z.infer<typeof liaisonMatchesSchema>;

/** Matches needing attention in a first answer: a screenful, highest risk first. */
export const HEALTH_PAGE = 25;
/** The most one answer lists, however many need attention (totals.needingAttention counts them all). */
export const HEALTH_LIST_MAX = 1000;

/** `?limit=`: how many of the matches needing attention to list, the most at risk first. */
export const programHealthQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(HEALTH_LIST_MAX).default(HEALTH_PAGE),
});

export const programHealthSchema = z.object({
  period: z.object({ id: z.number(), name: z.string(), status: periodStatusSchema, programEndsOn: dateOnlySchema }),
  /** Today in the program's time zone, which every date here is in. */
  today: dateOnlySchema,
  timeZone: z.string(),
  quietAfterWeeks: z.number(),
  totals: z.object({
    activeMatches: z.number(),
    quietMatches: z.number(),
    /** Past due and never sent (a returned sheet met or missed the deadline when first sent). */
    overdueSheets: z.number(),
    needingAttention: z.number(),
  }),
  /**
   * Active matches by their goal sheet's first submission against the deadline (these four add
   * up to the active matches), and where submitted sheets stand now.
   */
  goalSheets: z.object({
    onTime: z.number(),
    late: z.number(),
    /** Never submitted, and the deadline has passed. */
    overdue: z.number(),
    /** Never submitted, and the deadline is still ahead. */
    notYetDue: z.number(),
    awaitingReview: z.number(),
    returned: z.number(),
    acknowledged: z.number(),
  }),
  /** Weeks start on Monday; from the week of the period's first match to this week (or the program's end). */
  contactsPerWeek: z.array(z.object({ weekStart: dateOnlySchema, contacts: z.number(), matches: z.number() })),
  /** Active matches with at least one reason, highest risk first: the first `limit` (totals.needingAttention counts all). */
  matches: z.array(healthMatchSchema),
  /** Active matches with nothing to worry about (not listed). */
  matchesWithoutConcerns: z.number(),
  /** Forums, trainings and meet-ups the cohort was invited to that have taken place, oldest first. */
  events: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      kind: z.string(),
      startsAt: z.string(),
      invited: z.number(),
      yes: z.number(),
      attended: z.number(),
      attendanceTaken: z.boolean(),
    }),
  ),
});
export type ProgramHealth = z.infer<typeof programHealthSchema>;
