import { z } from 'zod';
import { MATCH_STATUSES } from '../match-status.ts';
import { instantSchema, rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, searchTextSchema } from './list-query.ts';

/**
 * The staff list of a period's matches (GET /api/periods/:id/matches): every pair, ended ones
 * too, searched by name, filtered and a page at a time.
 */

const personSchema = z.object({ id: z.number(), name: z.string(), email: z.string() });

export const periodMatchSchema = z.object({
  id: z.number(),
  status: z.enum(MATCH_STATUSES),
  matchedAt: instantSchema,
  endedAt: instantSchema.nullable(),
  endReason: z.string().nullable(),
  score: z.number(),
  mentor: personSchema,
  mentee: personSchema,
  /** The committee member who looks after the pair; null while nobody does. */
  liaisonName: z.string().nullable(),
});
export type PeriodMatch = z.infer<typeof periodMatchSchema>;

/** `newest` and `oldest` by when the match was made; `mentee` and `mentor` by that person's name. */
export const PERIOD_MATCH_SORTS = ['newest', 'oldest', 'mentee', 'mentor'] as const;
export type PeriodMatchSort = (typeof PERIOD_MATCH_SORTS)[number];

/** `liaison`: `none` keeps the pairs nobody on the committee looks after yet. */
export const PERIOD_MATCH_LIAISON_FILTERS = ['none', 'assigned'] as const;
export type PeriodMatchLiaisonFilter = (typeof PERIOD_MATCH_LIAISON_FILTERS)[number];

/** `q` searches both people's names and e-mail addresses; `mentorId` keeps one mentor's pairs. */
export const periodMatchQuerySchema = z.strictObject({
  q: searchTextSchema.optional(),
  status: z.enum(MATCH_STATUSES).optional(),
  mentorId: z.coerce.number().pipe(rowIdSchema).optional(),
  liaison: z.enum(PERIOD_MATCH_LIAISON_FILTERS).optional(),
  sort: z.enum(PERIOD_MATCH_SORTS).default('newest'),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type PeriodMatchQuery = z.output<typeof periodMatchQuerySchema>;

export const periodMatchListSchema = z.object({
  period: z.object({ id: z.number(), name: z.string() }),
  matches: z.array(periodMatchSchema),
  ...listPageFields,
  /** How many pairs are active and ended under the same search and filters, before the status filter. */
  counts: z.object({ active: z.number(), ended: z.number() }),
});
export type PeriodMatchList = z.infer<typeof periodMatchListSchema>;
