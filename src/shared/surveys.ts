/** Words surveys are made of (PRODUCT.md §10); the web app and the server share them. */

export const QUESTION_KINDS = ['likert', 'single', 'multiple', 'number', 'short-text', 'long-text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  likert: 'Scale of 1 to 5',
  single: 'One choice',
  multiple: 'Several choices',
  number: 'Number',
  'short-text': 'Short text',
  'long-text': 'Long text',
};

/** Who sees a question: the role a person answers as. */
export const QUESTION_AUDIENCES = ['both', 'mentor', 'mentee'] as const;
export type QuestionAudience = (typeof QUESTION_AUDIENCES)[number];

/** Who a survey is sent to, among the period's matched people. */
export const SURVEY_AUDIENCES = ['both', 'mentors', 'mentees'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];
export const SURVEY_AUDIENCE_LABELS: Record<SurveyAudience, string> = {
  both: 'Mentors and mentees',
  mentors: 'Mentors only',
  mentees: 'Mentees only',
};

/** The wrap-up survey falls in the period's survey window; a check-in may run on any dates. */
export const SURVEY_KINDS = ['wrap-up', 'check-in'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  'wrap-up': 'Wrap-up survey',
  'check-in': 'Check-in',
};

/** draft → scheduled (published, not yet open) → open → closed (on its date or early). */
export const SURVEY_STATES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Closed',
};

/** Where one invited person stands. */
export const MY_SURVEY_STATUSES = ['not-started', 'draft', 'submitted'] as const;
export type MySurveyStatus = (typeof MY_SURVEY_STATUSES)[number];

/** The roles someone answers as, and so the respondent groups results may be split by. */
export const RESPONDENT_ROLES = ['mentor', 'mentee'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

/** What results may be broken down by. */
export const RESULT_BREAKDOWNS = ['role'] as const;
export type ResultBreakdown = (typeof RESULT_BREAKDOWNS)[number];

export const LIKERT_POINTS = [1, 2, 3, 4, 5] as const;
export const TEXT_LIMITS = { 'short-text': 300, 'long-text': 4000 } as const;
export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 12;

/** The smallest group of respondents results show, unless the program sets another (PRODUCT.md §10). */
export const DEFAULT_MIN_GROUP_SIZE = 5;
