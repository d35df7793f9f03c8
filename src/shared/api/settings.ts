import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { normaliseVocabulary, VOCABULARY_MAX_TERMS, VOCABULARY_TERM_MAX_LENGTH } from '../interest-vocabulary.ts';
import { emailSchema, instantSchema, personNameSchema, rowIdSchema } from './common.ts';

export const channelSchema = z.enum(CHANNELS);

export const eligibilityQuestionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _.'),
  text: z.string().trim().min(1).max(500),
  appliesTo: z.enum(['mentor', 'mentee', 'both']),
  /** The answer an applicant must give to be eligible; null = any answer is fine. */
  requiredAnswer: z.enum(['yes', 'no']).nullable(),
  help: z.string().max(500).default(''),
});
export type EligibilityQuestion = z.infer<typeof eligibilityQuestionSchema>;

/** Who may send the pair's goal sheet to the program office. */
export const GOAL_SHEET_SUBMITTERS = ['mentee', 'either'] as const;
export const goalSheetSubmitterSchema = z.enum(GOAL_SHEET_SUBMITTERS);
export type GoalSheetSubmitter = z.infer<typeof goalSheetSubmitterSchema>;

export const contactSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
});
/** Responses use plain strings: a schema with a transform cannot serialize (zod encode). */
const contactViewSchema = z.object({ name: z.string(), email: z.string() });

/** Who signs the recognition letters: a person's name and their title, as printed under the letter. */
export const letterSignerSchema = z.strictObject({
  name: personNameSchema,
  title: z.string().trim().min(1, 'Add a title.').max(120),
});
export type LetterSigner = z.infer<typeof letterSignerSchema>;
const letterSignerViewSchema = z.object({ name: z.string(), title: z.string() });

/** The suggested interests and areas of expertise: tidied, duplicates (ignoring case) dropped. */
export const interestVocabularySchema = z
  .array(z.string().trim().max(VOCABULARY_TERM_MAX_LENGTH, `Keep each suggestion to ${VOCABULARY_TERM_MAX_LENGTH} characters or fewer.`))
  .max(VOCABULARY_MAX_TERMS, `Keep the list to ${VOCABULARY_MAX_TERMS} suggestions or fewer.`)
  .transform(normaliseVocabulary);

export const settingsSchema = z.object({
  programName: z.string(),
  timeZone: z.string(),
  goalSheetDeadlineDays: z.number().int(),
  goalsPerSheetMin: z.number().int(),
  goalsPerSheetMax: z.number().int(),
  guaranteeWindowDays: z.number().int(),
  contactsPerMonth: z.number().int(),
  goalSheetSubmitter: goalSheetSubmitterSchema,
  quietAfterWeeks: z.number().int(),
  committeeHandlesRematch: z.boolean(),
  surveyMinGroupSize: z.number().int(),
  requestsAtOnce: z.number().int(),
  requestExpiryDays: z.number().int(),
  channels: z.array(channelSchema),
  eligibilityQuestions: z.array(eligibilityQuestionSchema),
  interestVocabulary: z.array(z.string()),
  goalSheetContact: contactViewSchema.nullable(),
  trainingContact: contactViewSchema.nullable(),
  letterSigner: letterSignerViewSchema.nullable(),
  updatedAt: instantSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsBodySchema = z
  .strictObject({
    programName: z.string().trim().min(1).max(200),
    timeZone: z.string().min(1).max(64),
    goalSheetDeadlineDays: z.number().int().min(1).max(365),
    goalsPerSheetMin: z.number().int().min(1).max(10),
    goalsPerSheetMax: z.number().int().min(1).max(10),
    guaranteeWindowDays: z.number().int().min(0).max(365),
    contactsPerMonth: z.number().int().min(0).max(31),
    goalSheetSubmitter: goalSheetSubmitterSchema,
    quietAfterWeeks: z.number().int().min(1).max(52),
    committeeHandlesRematch: z.boolean(),
    /** Survey results hide any group of respondents smaller than this (PRODUCT.md §10). */
    surveyMinGroupSize: z.number().int().min(3).max(50),
    /** Participant choice: how many mentors a mentee may ask at once, and days a mentor has to answer. */
    requestsAtOnce: z.number().int().min(1).max(5),
    requestExpiryDays: z.number().int().min(1).max(60),
    channels: z.array(channelSchema).min(1).max(CHANNELS.length),
    eligibilityQuestions: z.array(eligibilityQuestionSchema).max(20),
    interestVocabulary: interestVocabularySchema,
    goalSheetContact: contactSchema.nullable(),
    trainingContact: contactSchema.nullable(),
    letterSigner: letterSignerSchema.nullable(),
  })
  .partial();
export type UpdateSettings = z.infer<typeof updateSettingsBodySchema>;

export const programGoalSchema = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  description: z.string(),
  retired: z.boolean(),
});
export type ProgramGoal = z.infer<typeof programGoalSchema>;
export const programGoalListSchema = z.object({ goals: z.array(programGoalSchema) });

export const createGoalBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).default(''),
});
export const updateGoalBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(1000),
    retired: z.boolean(),
  })
  .partial();
export const reorderGoalsBodySchema = z.strictObject({
  ids: z.array(rowIdSchema).min(1).max(200),
});
