import { z } from 'zod';
import { APPLICATION_ROLES, APPLICATION_STATUSES, CAREER_STAGES, WORKPLACE_TYPES } from '../application-vocabulary.ts';
import { CHANNELS } from '../channels.ts';
import { emailSchema, instantSchema, passwordSchema, personNameSchema, rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, searchTextSchema } from './list-query.ts';
import { meSchema } from './auth.ts';

export const applicationRoleSchema = z.enum(APPLICATION_ROLES);
export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);

const shortText = (max: number) => z.string().trim().max(max);
const listItem = z.string().trim().min(1).max(60);

/** Optional, confidential: only staff, the committee, the matcher and the applicant ever see these. */
export const confidentialPreferencesSchema = z.strictObject({
  preferSameGender: z.boolean().default(false),
  gender: shortText(60).default(''),
  notes: shortText(1000).default(''),
});
export type ConfidentialPreferencesInput = z.infer<typeof confidentialPreferencesSchema>;

/** What an applicant answers (the same for the web form, the public form and CSV import). */
export const applicationAnswersSchema = z.strictObject({
  phone: shortText(40).default(''),
  jobTitle: shortText(200).default(''),
  employer: shortText(200).default(''),
  workplaceType: z.enum(WORKPLACE_TYPES),
  yearsExperience: z.number().int().min(0).max(70),
  careerStage: z.enum(CAREER_STAGES),
  /** ISO 3166-2 style, e.g. US-IL; or a country code alone. */
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'Use a region code like US-IL or CA-ON.'),
  timeZone: z.string().min(1).max(64),
  interests: z.array(listItem).min(1, 'Name at least one interest or area of expertise.').max(20),
  programGoalIds: z.array(rowIdSchema).min(1, 'Choose at least one program goal.').max(20),
  channels: z.array(z.enum(CHANNELS)).min(1, 'Choose at least one way to keep in touch.').max(CHANNELS.length),
  meetInPerson: z.boolean(),
  languages: z.array(listItem).min(1, 'Name at least one language.').max(10),
  hopes: shortText(2000).default(''),
  eligibilityAnswers: z.record(z.string().max(40), z.enum(['yes', 'no'])).default({}),
  confidential: confidentialPreferencesSchema.default({ preferSameGender: false, gender: '', notes: '' }),
  /** Mentors only: how many mentees they take. Ignored (1) for mentees. */
  capacity: z.number().int().min(1).max(10).default(1),
});
export type ApplicationAnswers = z.infer<typeof applicationAnswersSchema>;

/** Public form data: open periods and what the form asks. */
export const applyFormSchema = z.object({
  programName: z.string(),
  periods: z.array(z.object({ id: z.number(), name: z.string(), applicationsCloseOn: z.string() })),
  goals: z.array(z.object({ id: z.number(), title: z.string(), description: z.string() })),
  eligibilityQuestions: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      appliesTo: z.enum(['mentor', 'mentee', 'both']),
      requiredAnswer: z.enum(['yes', 'no']).nullable(),
      help: z.string(),
    }),
  ),
  channels: z.array(z.enum(CHANNELS)),
  /** The staff's suggested interests and areas of expertise; applicants may also write their own. */
  interestVocabulary: z.array(z.string()),
});

export const publicApplyBodySchema = z.strictObject({
  periodId: rowIdSchema,
  role: applicationRoleSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  answers: applicationAnswersSchema,
});
export const applyBodySchema = z.strictObject({
  periodId: rowIdSchema,
  role: applicationRoleSchema,
  answers: applicationAnswersSchema,
});
export const editApplicationBodySchema = z.strictObject({ answers: applicationAnswersSchema });
export const carryForwardBodySchema = z.strictObject({ carryForward: z.boolean() });
export const decisionBodySchema = z
  .strictObject({
    decision: z.enum(['accepted', 'waitlisted', 'declined']),
    reason: shortText(1000).default(''),
  })
  .refine((b) => b.decision !== 'declined' || b.reason.length > 0, {
    path: ['reason'],
    message: 'Say why, in a sentence the applicant will read.',
  });

/** Answers as sent back: plain types only (response schemas cannot carry transforms). */
const answersViewSchema = z.object({
  phone: z.string(),
  jobTitle: z.string(),
  employer: z.string(),
  workplaceType: z.enum(WORKPLACE_TYPES),
  yearsExperience: z.number(),
  careerStage: z.enum(CAREER_STAGES),
  region: z.string(),
  timeZone: z.string(),
  interests: z.array(z.string()),
  programGoalIds: z.array(z.number()),
  channels: z.array(z.enum(CHANNELS)),
  meetInPerson: z.boolean(),
  languages: z.array(z.string()),
  hopes: z.string(),
  eligibilityAnswers: z.record(z.string(), z.enum(['yes', 'no'])),
  capacity: z.number(),
});

/** Some of a person's active matches: how many, in one period. */
export const activeMatchSchema = z.object({ periodId: z.number(), periodName: z.string(), matches: z.number() });
export type ActiveMatchSummary = z.infer<typeof activeMatchSchema>;

export const applicationSchema = z.object({
  id: z.number(),
  periodId: z.number(),
  periodName: z.string(),
  role: applicationRoleSchema,
  status: applicationStatusSchema,
  applicant: z.object({ id: z.number(), name: z.string(), email: z.string() }),
  answers: answersViewSchema,
  /** Present only for the applicant themself, staff and the committee. */
  confidential: z.object({ preferSameGender: z.boolean(), gender: z.string(), notes: z.string() }).optional(),
  /** Which eligibility questions were answered the "wrong" way (for reviewers; empty = eligible). */
  eligibilityProblems: z.array(z.string()),
  decisionReason: z.string().nullable(),
  carryForward: z.boolean(),
  carriedFromId: z.number().nullable(),
  /**
   * Staff and the committee only: the applicant's active matches in this application's role, by
   * period (a mentee has one match at a time; a mentor's take places from their capacity).
   */
  activeMatches: z.array(activeMatchSchema).optional(),
  /** The applicant may still edit or withdraw it (window open, not decided against). */
  editable: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Application = z.infer<typeof applicationSchema>;

/** The staff list's filters: all optional, all combined with AND. The bulk decision takes the same. */
export const applicationFilterFields = {
  role: applicationRoleSchema.optional(),
  status: applicationStatusSchema.optional(),
  workplaceType: z.enum(WORKPLACE_TYPES).optional(),
  /** A prefix: `US` finds US-IL and US-WA. */
  region: z.string().trim().toUpperCase().max(20).optional(),
  goal: z.coerce.number().pipe(rowIdSchema).optional(),
  /** Name, e-mail, employer, job title or interest. */
  q: searchTextSchema.optional(),
};
export const applicationFilterSchema = z.strictObject(applicationFilterFields);
export type ApplicationFilter = z.output<typeof applicationFilterSchema>;

/** submitted: newest first; name: A to Z; status: in the order of APPLICATION_STATUSES, oldest first within one. */
export const APPLICATION_SORTS = ['submitted', 'name', 'status'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

/** GET /api/periods/:id/applications: the filters, an order, and a page after the cursor. */
export const applicationListQuerySchema = z.strictObject({
  ...applicationFilterFields,
  sort: z.enum(APPLICATION_SORTS).default('submitted'),
  after: cursorSchema.optional(),
  limit: pageSizeSchema,
});
export type ApplicationListQuery = z.output<typeof applicationListQuerySchema>;

export const applicationCountsSchema = z.object({
  mentor: z.record(applicationStatusSchema, z.number()),
  mentee: z.record(applicationStatusSchema, z.number()),
});
/** One page of the filtered list; `counts` are the whole period's, by role and status. */
export const applicationListSchema = z.object({
  applications: z.array(applicationSchema),
  counts: applicationCountsSchema,
  ...listPageFields,
});

export const DECISIONS = ['accepted', 'waitlisted', 'declined'] as const;
const decisionReasonRequired = { path: ['reason'], message: 'Say why, in a sentence the applicants will read.' };

/** POST /api/periods/:id/applications/bulk-decision: one decision for everyone the filter shows. */
export const bulkDecisionBodySchema = z
  .strictObject({
    filter: applicationFilterSchema.default({}),
    decision: z.enum(DECISIONS),
    reason: shortText(1000).default(''),
    /** true: say what would happen and change nothing. */
    preview: z.boolean(),
  })
  .refine((b) => b.decision !== 'declined' || b.reason.length > 0, decisionReasonRequired);
export type BulkDecisionBody = z.output<typeof bulkDecisionBodySchema>;

/**
 * Why someone the filter shows is left as they are: they already have this decision; their
 * application can no longer be decided on (withdrawn, declined, used in matching); or, for an
 * acceptance, an eligibility answer needs a reviewer's own look first.
 */
export const BULK_SKIP_REASONS = ['already', 'final', 'eligibility'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

const bulkPersonSchema = z.object({
  applicationId: z.number(),
  name: z.string(),
  role: applicationRoleSchema,
  status: applicationStatusSchema,
});
/** At most this many names per group come back; the counts are complete. */
export const BULK_NAMES_SHOWN = 20;

export const bulkDecisionResultSchema = z.object({
  preview: z.boolean(),
  decision: z.enum(DECISIONS),
  /** How many applications the filter selects. */
  selected: z.number().int().nonnegative(),
  /** Those who change (or would, in a preview): the count and the first names. */
  changed: z.object({ count: z.number().int().nonnegative(), first: z.array(bulkPersonSchema) }),
  /** Those left as they are, by reason (only reasons that apply to someone). */
  skipped: z.array(z.object({ reason: z.enum(BULK_SKIP_REASONS), count: z.number().int().positive(), first: z.array(bulkPersonSchema) })),
});
export type BulkDecisionResult = z.infer<typeof bulkDecisionResultSchema>;
export const myApplicationListSchema = z.object({ applications: z.array(applicationSchema) });
export const publicApplyResponseSchema = z.object({ user: meSchema, application: applicationSchema });

/** CSV import: the file's bytes in base64 so the server can refuse a file that is not UTF-8. */
export const IMPORT_FIELDS = [
  'email',
  'name',
  'role',
  'phone',
  'job_title',
  'employer',
  'workplace_type',
  'years_experience',
  'career_stage',
  'region',
  'time_zone',
  'interests',
  'program_goals',
  'channels',
  'meet_in_person',
  'languages',
  'hopes',
  'capacity',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importBodySchema = z.strictObject({
  fileBase64: z.string().max(11_000_000),
  /** Tandem field → the CSV heading that holds it. Omitted: headings are matched by name. */
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)).optional(),
  /** preview: change nothing; all-or-nothing: import only if every row is good; good-rows: skip bad rows. */
  mode: z.enum(['preview', 'all-or-nothing', 'good-rows']),
});
export const importResultSchema = z.object({
  headings: z.array(z.string()),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
  /** Required Tandem fields no heading maps to. */
  unmapped: z.array(z.enum(IMPORT_FIELDS)),
  rows: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      name: z.string(),
      role: z.string(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
  counts: z.object({ total: z.number(), good: z.number(), bad: z.number(), imported: z.number() }),
  imported: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
