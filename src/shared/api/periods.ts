import { z } from 'zod';
import { MATCHING_MODES } from '../matching-modes.ts';
import { PERIOD_STATUSES } from '../period-status.ts';
import { dateOnlySchema, instantSchema } from './common.ts';

export const periodStatusSchema = z.enum(PERIOD_STATUSES);

export const periodDatesSchema = z.object({
  applicationsOpenOn: dateOnlySchema,
  applicationsCloseOn: dateOnlySchema,
  matchesAnnouncedOn: dateOnlySchema,
  programEndsOn: dateOnlySchema,
  surveyOpensOn: dateOnlySchema,
  surveyClosesOn: dateOnlySchema,
});
export type PeriodDates = z.infer<typeof periodDatesSchema>;

export const periodSchema = periodDatesSchema.extend({
  id: z.number(),
  name: z.string(),
  status: periodStatusSchema,
  /** How pairs are made in this period (committee, mentees choose, or both). */
  matchingMode: z.enum(MATCHING_MODES),
  /** The statuses this period may move to next. */
  nextStatuses: z.array(periodStatusSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Period = z.infer<typeof periodSchema>;
export const periodListSchema = z.object({ periods: z.array(periodSchema) });

export const createPeriodBodySchema = periodDatesSchema
  .extend({
    name: z.string().trim().min(1).max(100),
    matchingMode: z.enum(MATCHING_MODES).optional(),
  })
  .strict();
export const updatePeriodBodySchema = createPeriodBodySchema.partial().strict();
export const transitionBodySchema = z.strictObject({ to: periodStatusSchema });
