import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';
import { IMPORT_FIELDS } from '../../shared/api/applications.ts';
import type { ImportField } from '../../shared/api/applications.ts';
import type { ApplicationRecord } from './application.types.ts';

export const EXPORT_COLUMNS = [...IMPORT_FIELDS, 'status', 'decision_reason', 'created_at'] as const;

function cellsOf(a: ApplicationRecord): Record<(typeof EXPORT_COLUMNS)[number], string> {
  const x = a.answers;
  const fields: Record<ImportField, string> = {
    email: a.applicantEmail,
    name: a.applicantName,
    role: a.role,
    phone: x.phone,
    job_title: x.jobTitle,
    employer: x.employer,
    workplace_type: x.workplaceType,
    years_experience: String(x.yearsExperience),
    career_stage: x.careerStage,
    region: x.region,
    time_zone: x.timeZone,
    interests: x.interests.join('; '),
    program_goals: x.programGoalIds.join('; '),
    channels: x.channels.join('; '),
    meet_in_person: x.meetInPerson ? 'yes' : 'no',
    languages: x.languages.join('; '),
    hopes: x.hopes,
    capacity: String(x.capacity),
  };
  return { ...fields, status: a.status, decision_reason: a.decisionReason ?? '', created_at: a.createdAt };
}

/**
 * One row per application in the import's columns (so the file re-imports), plus the review
 * state. Confidential preferences and eligibility answers are left out on purpose: a CSV travels.
 * Streamed by spreadsheetCsv, which guards every cell against formulas.
 */
export function applicationsCsvTable(applications: readonly ApplicationRecord[]): CsvTable {
  return {
    header: EXPORT_COLUMNS,
    rows: (function* () {
      for (const a of applications) {
        const cells = cellsOf(a);
        yield EXPORT_COLUMNS.map((c) => cells[c]);
      }
    })(),
  };
}
