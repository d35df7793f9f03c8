import { DEFAULT_MIN_GROUP_SIZE } from '../../shared/surveys.ts';
import type { EligibilityQuestion } from '../../shared/api/settings.ts';
import type { Channel } from '../../shared/channels.ts';

/**
 * What a new program starts with: the model program's rules, in Tandem's own words.
 * Every value is editable by staff afterwards.
 */
export const DEFAULT_SETTINGS = {
  goalSheetDeadlineDays: 30,
  goalsPerSheetMin: 1,
  goalsPerSheetMax: 3,
  guaranteeWindowDays: 45,
  contactsPerMonth: 2,
  goalSheetSubmitter: 'mentee' as const,
  quietAfterWeeks: 3,
  committeeHandlesRematch: false,
  surveyMinGroupSize: DEFAULT_MIN_GROUP_SIZE,
  requestsAtOnce: 1,
  requestExpiryDays: 7,
  channels: ['phone', 'email', 'video', 'chat', 'in_person'] as Channel[],
};

export const DEFAULT_PROGRAM_GOALS: { title: string; description: string }[] = [
  {
    title: 'Grow early-career confidence',
    description: 'Help people who are new to the field build practical skills and the confidence to use them.',
  },
  {
    title: 'Build lasting connections',
    description: 'Create personal and professional ties between members that outlast the program year.',
  },
  {
    title: 'Learn from peers',
    description: 'Pass on know-how from one practitioner to another, in both directions.',
  },
  {
    title: 'Renew experienced members',
    description: 'Give seasoned members fresh energy and perspective by sharing what they know.',
  },
  {
    title: 'Open the door to committee service',
    description: "Spark interest in serving on the association's committees and working groups.",
  },
  {
    title: "Know the profession's competencies",
    description: 'Become familiar with the core competencies the profession expects of its practitioners.',
  },
  {
    title: 'Develop future leaders',
    description: 'Grow a new cohort of leaders for the association and the field.',
  },
];

export const DEFAULT_ELIGIBILITY_QUESTIONS: EligibilityQuestion[] = [
  {
    key: 'association_member',
    text: 'Are you a current member of the association?',
    appliesTo: 'mentor',
    requiredAnswer: 'yes',
    help: 'Mentors need a current membership. You can join or renew before you apply.',
  },
  {
    key: 'adult_or_consent',
    text: 'Are you 18 or older, or do you have the consent of a parent or guardian to take part?',
    appliesTo: 'mentee',
    requiredAnswer: 'yes',
    help: '',
  },
  {
    key: 'field_connection',
    text: 'Do you work, study or volunteer in the field, or plan to?',
    appliesTo: 'mentee',
    requiredAnswer: 'yes',
    help: 'Students, career changers and volunteers are all welcome.',
  },
];
