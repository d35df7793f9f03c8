import { z } from 'zod';
import {
  MAX_OPTIONS,
  MAX_QUESTIONS,
  MY_SURVEY_STATUSES,
  QUESTION_AUDIENCES,
  QUESTION_KINDS,
  RESPONDENT_ROLES,
  RESULT_BREAKDOWNS,
  SURVEY_AUDIENCES,
  SURVEY_KINDS,
  SURVEY_STATES,
} from '../surveys.ts';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';

/** Evaluation surveys (PRODUCT.md §10): built by staff, answered by mentors and mentees, read only in aggregate. */

const questionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and -.');

/**
 * One question. `options` holds the choices of a choice question, or the five labels of a 1–5
 * scale (1 first); other kinds leave it empty. `min`/`max` bound a number question.
 */
export const questionSchema = z.strictObject({
  id: questionIdSchema,
  /** A heading the question sits under; consecutive questions with the same one form a section. */
  section: z.string().trim().max(120),
  kind: z.enum(QUESTION_KINDS),
  text: z.string().trim().min(1, 'Write the question.').max(500),
  help: z.string().trim().max(500),
  required: z.boolean(),
  audience: z.enum(QUESTION_AUDIENCES),
  options: z.array(z.string().trim().min(1, 'Name each choice.').max(200)).max(MAX_OPTIONS),
  min: z.number().int().min(-1_000_000).max(1_000_000).nullable(),
  max: z.number().int().min(-1_000_000).max(1_000_000).nullable(),
});
export type Question = z.infer<typeof questionSchema>;

/** An answer: a scale point or a number, a choice, several choices, or text. */
export const answerValueSchema = z.union([z.number(), z.string().max(10_000), z.array(z.string().max(200)).max(MAX_OPTIONS)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
/** Answers by question id; a question left out is unanswered. */
export const answersSchema = z.record(questionIdSchema, answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

export const surveySettingsSchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the survey a title.').max(200),
  /** Shown above the questions and in the invitation. */
  intro: z.string().trim().max(2000),
  audience: z.enum(SURVEY_AUDIENCES),
  /** A named survey lets staff see each person's answers; it must be chosen before it opens. */
  named: z.boolean(),
  opensOn: dateOnlySchema,
  closesOn: dateOnlySchema,
  questions: z.array(questionSchema).min(1, 'Add at least one question.').max(MAX_QUESTIONS),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const createSurveyBodySchema = z.strictObject({
  periodId: rowIdSchema,
  kind: z.enum(SURVEY_KINDS),
});
export const updateSurveyBodySchema = surveySettingsSchema.partial();
export type UpdateSurvey = z.infer<typeof updateSurveyBodySchema>;

export const extendSurveyBodySchema = z.strictObject({ closesOn: dateOnlySchema });

const surveySummaryFields = {
  id: z.number(),
  periodId: z.number(),
  periodName: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  intro: z.string(),
  audience: z.enum(SURVEY_AUDIENCES),
  named: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(SURVEY_STATES),
  /** When staff closed it before its date. */
  closedEarlyAt: instantSchema.nullable(),
};

/** One survey in a list. For staff, the counts; for a participant, where they stand. */
export const surveyListItemSchema = z.object({
  ...surveySummaryFields,
  invited: z.number().nullable(),
  responded: z.number().nullable(),
  myStatus: z.enum(MY_SURVEY_STATUSES).nullable(),
});
export type SurveyListItem = z.infer<typeof surveyListItemSchema>;
export const surveyListSchema = z.object({ surveys: z.array(surveyListItemSchema) });

/** A wording fix made after answers came in: kept so the report can say what people saw. */
export const wordingChangeSchema = z.object({
  questionId: z.string(),
  before: z.string(),
  after: z.string(),
  changedAt: instantSchema,
  changedBy: z.string(),
});

/** The whole survey, for staff. */
export const surveySchema = z.object({
  ...surveySummaryFields,
  questions: z.array(questionSchema),
  /** True once anyone has answered: from then on only wording may change. */
  questionsFrozen: z.boolean(),
  invited: z.number(),
  responded: z.number(),
  /** The period's survey window, which a wrap-up survey must fall in. */
  window: z.object({ opensOn: z.string(), closesOn: z.string() }),
  wordingChanges: z.array(wordingChangeSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Survey = z.infer<typeof surveySchema>;

/** The form as one invited person sees it: their questions, their draft, where they stand. */
export const surveyFormSchema = z.object({
  ...surveySummaryFields,
  role: z.enum(RESPONDENT_ROLES),
  questions: z.array(questionSchema),
  answers: answersSchema,
  status: z.enum(MY_SURVEY_STATUSES),
  draftSavedAt: instantSchema.nullable(),
  /** The date (program time zone) they submitted, once they have. */
  submittedOn: z.string().nullable(),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;

export const saveDraftBodySchema = z.strictObject({ answers: answersSchema });
export const draftSavedSchema = z.object({ savedAt: instantSchema });
export const submitBodySchema = z.strictObject({ answers: answersSchema });
export const submittedSchema = z.object({ submittedOn: z.string() });

/**
 * Response rates: counts by role and by day (never what anyone said). Who has not answered yet is
 * a list of its own, a page at a time (survey-not-yet.ts).
 */
export const surveyProgressSchema = z.object({
  invited: z.number(),
  responded: z.number(),
  byRole: z.array(z.object({ role: z.enum(RESPONDENT_ROLES), invited: z.number(), responded: z.number() })),
  /** Cumulative answers at the end of each day since it opened (program time zone). */
  overTime: z.array(z.object({ date: z.string(), responded: z.number(), rate: z.number() })),
});
export type SurveyProgress = z.infer<typeof surveyProgressSchema>;

/** One question's answers in one group, in the shape its kind calls for. */
export const questionSummarySchema = z.object({
  answered: z.number(),
  /** Scale and choice questions: how many picked each option (scale: points 1..5). */
  counts: z.array(z.object({ label: z.string(), count: z.number() })).nullable(),
  /** Scale and number questions. */
  mean: z.number().nullable(),
  median: z.number().nullable(),
  /**
   * Free text, without names, in random order; only when enough people wrote some. At most 200:
   * past that, a different random 200 each time (textsTotal says how many there are).
   */
  texts: z.array(z.string()).nullable(),
  textsTotal: z.number().nullable(),
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const suppressedSchema = z.object({ suppressed: z.literal(true), reason: z.string() });

export const questionResultSchema = z.object({
  questionId: z.string(),
  section: z.string(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  audience: z.enum(QUESTION_AUDIENCES),
  /** Everyone who answered it, or why it is hidden. */
  overall: z.union([questionSummarySchema.extend({ suppressed: z.literal(false) }), suppressedSchema]),
  breakdowns: z.array(
    z.object({
      by: z.enum(RESULT_BREAKDOWNS),
      /** Hidden as a whole when a group is too small, or would be by difference. */
      groups: z.union([z.array(z.object({ value: z.string(), label: z.string(), summary: questionSummarySchema })), suppressedSchema]),
    }),
  ),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const resultsQuerySchema = z.strictObject({
  by: z.enum(RESULT_BREAKDOWNS).optional(),
});

export const surveyResultsSchema = z.object({
  surveyId: z.number(),
  title: z.string(),
  periodName: z.string(),
  state: z.enum(SURVEY_STATES),
  minGroupSize: z.number(),
  respondents: z.number(),
  invited: z.number(),
  questions: z.array(questionResultSchema),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/** A named survey's answers, person by person (staff only, and only when it was named before it opened). */
export const namedAnswersSchema = z.object({
  questions: z.array(questionSchema),
  people: z.array(z.object({ userId: z.number(), name: z.string(), role: z.enum(RESPONDENT_ROLES), answers: answersSchema })),
});
