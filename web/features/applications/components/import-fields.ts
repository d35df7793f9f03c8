import type { ImportField } from '../../../../src/shared/api/applications.ts';

/** The Tandem side of the column mapping, in plain words. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  email: 'E-mail address',
  name: 'Name',
  role: 'Role (mentor or mentee)',
  phone: 'Phone',
  job_title: 'Job title',
  employer: 'Employer',
  workplace_type: 'Kind of workplace',
  years_experience: 'Years of experience',
  career_stage: 'Career stage',
  region: 'Region',
  time_zone: 'Time zone',
  interests: 'Interests or expertise',
  program_goals: 'Program goals',
  channels: 'Ways to keep in touch',
  meet_in_person: 'Would meet in person',
  languages: 'Languages',
  hopes: 'Hopes for the program',
  capacity: 'Mentees a mentor can take',
};
