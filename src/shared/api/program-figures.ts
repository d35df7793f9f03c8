import { z } from 'zod';
import { FIGURE_KEYS } from '../reports.ts';
import { QUESTION_KINDS } from '../surveys.ts';
import { chartDataSchema } from './reports.ts';
import { rowIdSchema } from './common.ts';

/** The task force's workspace (PRODUCT.md §11): a period's own figures and a survey question across years. */

export const periodQuerySchema = z.strictObject({ periodId: z.coerce.number().pipe(rowIdSchema) });

export const programFiguresSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  /** The confidentiality threshold: no group smaller than this is shown, directly or by difference. */
  minGroupSize: z.number(),
  figures: z.array(z.object({ key: z.enum(FIGURE_KEYS), data: chartDataSchema })),
});
export type ProgramFigures = z.infer<typeof programFiguresSchema>;

export const acrossYearsQuerySchema = z.strictObject({ questionId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/) });

/** One question's answers in each period's closed wrap-up survey that asked it, oldest first. */
export const surveyTrendSchema = z.object({
  questionId: z.string(),
  /** The wording of the latest survey that asked it. */
  text: z.string(),
  kind: z.enum(QUESTION_KINDS),
  minGroupSize: z.number(),
  periods: z.array(
    z.object({
      periodId: z.number(),
      periodName: z.string(),
      surveyId: z.number(),
      surveyTitle: z.string(),
      data: chartDataSchema,
    }),
  ),
});
export type SurveyTrend = z.infer<typeof surveyTrendSchema>;

/** The questions that can be followed across years: chartable ones of closed wrap-up surveys. */
export const trendQuestionsSchema = z.object({
  questions: z.array(z.object({ questionId: z.string(), text: z.string(), surveys: z.number() })),
});
export type TrendQuestions = z.infer<typeof trendQuestionsSchema>;
