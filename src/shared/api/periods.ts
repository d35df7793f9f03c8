import { z } from 'zod';
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
  })
  .strict();
export const updatePeriodBodySchema = createPeriodBodySchema.partial().strict();
export const transitionBodySchema = z.strictObject({ to: periodStatusSchema });
