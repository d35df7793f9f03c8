/** Words applications are made of; the web app and the server share them. */
export const APPLICATION_ROLES = ['mentor', 'mentee'] as const;
export type ApplicationRole = (typeof APPLICATION_ROLES)[number];

/**
 * submitted → accepted | waitlisted | declined (staff or committee); withdrawn (the applicant);
 * after matching is approved: matched | unmatched.
 */
export const APPLICATION_STATUSES = ['submitted', 'accepted', 'waitlisted', 'declined', 'withdrawn', 'matched', 'unmatched'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'Submitted',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  matched: 'Matched',
  unmatched: 'Not matched',
};

export const WORKPLACE_TYPES = ['public', 'school', 'academic', 'special', 'other'] as const;
export type WorkplaceTypeName = (typeof WORKPLACE_TYPES)[number];
export const WORKPLACE_TYPE_LABELS: Record<WorkplaceTypeName, string> = {
  public: 'Public library',
  school: 'School library',
  academic: 'Academic library',
  special: 'Special library',
  other: 'Other workplace',
};

export const CAREER_STAGES = ['student', 'early_career', 'mid_career', 'senior', 'career_changer', 'retired'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];
export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  student: 'Student',
  early_career: 'Early career (up to 5 years)',
  mid_career: 'Mid-career',
  senior: 'Senior or leadership',
  career_changer: 'Changing careers',
  retired: 'Retired',
};
