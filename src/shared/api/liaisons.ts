import { z } from 'zod';
import { rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, searchTextSchema } from './list-query.ts';
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

/** `liaison`: `none` keeps the pairs nobody looks after yet, `assigned` those somebody does. */
export const LIAISON_FILTERS = ['none', 'assigned'] as const;
export type LiaisonFilter = (typeof LIAISON_FILTERS)[number];

/**
 * Staff: a period's active matches a page at a time, oldest match first. `q` searches both
 * people's names and e-mail addresses; `liaisonUserId` keeps one committee member's pairs.
 */
export const periodLiaisonsQuerySchema = z.strictObject({
  q: searchTextSchema.optional(),
  liaison: z.enum(LIAISON_FILTERS).optional(),
  liaisonUserId: z.coerce.number().pipe(rowIdSchema).optional(),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type PeriodLiaisonsQuery = z.output<typeof periodLiaisonsQuerySchema>;

/** Staff: a page of a period's active matches with their liaisons, and the committee to choose from. */
export const periodLiaisonsSchema = z.object({
  period: z.object({ id: z.number(), name: z.string(), status: periodStatusSchema }),
  /** Everyone on the matching committee who can sign in, with how many of this period's active matches each looks after. */
  committee: z.array(personSchema.extend({ matches: z.number() })),
  /** The whole period, whatever the search: its active matches, and how many of them nobody looks after. */
  counts: z.object({ active: z.number(), withoutLiaison: z.number() }),
  matches: z.array(
    z.object({
      matchId: z.number(),
      mentee: personSchema,
      mentor: personSchema,
      liaison: personSchema.nullable(),
    }),
  ),
  /** The next page's `after`, null at the end; `total`: how many active matches the search and filters keep. */
  ...listPageFields,
});
export type PeriodLiaisons = z.infer<typeof periodLiaisonsSchema>;
