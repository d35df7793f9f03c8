import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';

/**
 * A period's applications, one row each. The headings are the application import's own fields in
 * words ("Job title" for job_title, "Program goal ids" for program_goals), which the import maps by
 * itself, and the cells are what it reads (codes, ";"-separated lists, goal ids), so the file
 * re-imports unchanged. Confidential preferences and eligibility answers stay out: a CSV travels.
 */
export const APPLICATION_COLUMNS = [
  'E-mail',
  'Name',
  'Role',
  'Phone',
  'Job title',
  'Employer',
  'Workplace type',
  'Years experience',
  'Career stage',
  'Region',
  'Time zone',
  'Interests',
  'Program goal ids',
  'Channels',
  'Meet in person',
  'Languages',
  'Hopes',
  'Capacity',
  'Status',
  'Decision reason',
  'Applied at (UTC)',
] as const;

export interface ExportedApplication {
  applicantEmail: string;
  applicantName: string;
  role: string;
  status: string;
  answers: Pick<
    ApplicationAnswers,
    | 'phone'
    | 'jobTitle'
    | 'employer'
    | 'workplaceType'
    | 'yearsExperience'
    | 'careerStage'
    | 'region'
    | 'timeZone'
    | 'interests'
    | 'programGoalIds'
    | 'channels'
    | 'meetInPerson'
    | 'languages'
    | 'hopes'
    | 'capacity'
  >;
  decisionReason: string | null;
  /** An ISO instant, UTC. */
  createdAt: string;
}

export function* applicationRows(applications: Iterable<ExportedApplication>): Generator<string[]> {
  for (const a of applications) {
    const x = a.answers;
    yield [
      a.applicantEmail,
      a.applicantName,
      a.role,
      x.phone,
      x.jobTitle,
      x.employer,
      x.workplaceType,
      String(x.yearsExperience),
      x.careerStage,
      x.region,
      x.timeZone,
      x.interests.join('; '),
      x.programGoalIds.join('; '),
      x.channels.join('; '),
      x.meetInPerson ? 'yes' : 'no',
      x.languages.join('; '),
      x.hopes,
      String(x.capacity),
      a.status,
      a.decisionReason ?? '',
      a.createdAt,
    ];
  }
}

export const applicationsTable = (applications: readonly ExportedApplication[]): CsvTable => ({
  header: APPLICATION_COLUMNS,
  rows: applicationRows(applications),
});
