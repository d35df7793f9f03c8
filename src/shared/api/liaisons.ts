import { z } from 'zod';
import { rowIdSchema } from './common.ts';
import { periodStatusSchema } from './periods.ts';

/**
 * Liaisons: a member of the matching committee who looks after a pair — sees its health alerts,
 * hears about it weekly when something needs attention, and is the pair's contact besides the
 * program office.
 */

const personSchema = z.object({ userId: z.number(), name: z.string(), email: z.string() });

/** Staff: give a match a liaison (a committee member), or take it away with null. */
export const assignLiaisonBodySchema = z.strictObject({ liaisonUserId: rowIdSchema.nullable() });
export type AssignLiaisonBody = z.infer<typeof assignLiaisonBodySchema>;

export const liaisonAssignmentSchema = z.object({ matchId: z.number(), liaison: personSchema.nullable() });
export type LiaisonAssignment = z.infer<typeof liaisonAssignmentSchema>;

/** Most committee members one spread may use. */
export const SPREAD_MAX_MEMBERS = 100;

/**
 * Staff: spread a period's active matches evenly over these committee members. With
 * keepAssigned, matches that already have a liaison keep theirs (and count towards the evening
 * out); otherwise every active match is dealt out afresh.
 */
export const spreadLiaisonsBodySchema = z.strictObject({
  committeeUserIds: z.array(rowIdSchema).min(1, 'Choose at least one committee member.').max(SPREAD_MAX_MEMBERS),
  keepAssigned: z.boolean().default(false),
});
export type SpreadLiaisonsBody = z.input<typeof spreadLiaisonsBodySchema>;

export const spreadResultSchema = z.object({
  /** Matches whose liaison changed. */
  assigned: z.number(),
  /** Matches that kept the liaison they had. */
  unchanged: z.number(),
  /** Matches nobody chosen could take (every chosen member is one of the pair). */
  leftWithout: z.number(),
  /** The chosen members and how many of the period's active matches each looks after now. */
  liaisons: z.array(personSchema.extend({ matches: z.number() })),
});
export type SpreadResult = z.infer<typeof spreadResultSchema>;

/** Staff: a period's active matches with their liaisons, and the committee to choose from. */
export const periodLiaisonsSchema = z.object({
  period: z.object({ id: z.number(), name: z.string(), status: periodStatusSchema }),
  /** Everyone on the matching committee who can sign in, with how many of this period's active matches each looks after. */
  committee: z.array(personSchema.extend({ matches: z.number() })),
  matches: z.array(
    z.object({
      matchId: z.number(),
      mentee: personSchema,
      mentor: personSchema,
      liaison: personSchema.nullable(),
    }),
  ),
});
export type PeriodLiaisons = z.infer<typeof periodLiaisonsSchema>;
