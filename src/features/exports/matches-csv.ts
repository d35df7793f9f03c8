import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';

/** A period's matches, one row each, ended ones too. Instants are ISO 8601 in UTC, as the headings say. */
export const MATCH_COLUMNS = [
  'Match',
  'Mentor',
  'Mentor e-mail',
  'Mentee',
  'Mentee e-mail',
  'Status',
  'Matched at (UTC)',
  'Ended at (UTC)',
  'Why it ended',
  'Score',
  'Why they were paired',
  'Liaison',
] as const;

export interface ExportedMatch {
  id: number;
  status: 'active' | 'ended';
  matchedAt: string;
  endedAt: string | null;
  endReason: string | null;
  score: number;
  explanation: string;
  mentor: { name: string; email: string };
  mentee: { name: string; email: string };
  liaisonName: string | null;
}

const STATUS_WORDS: Record<ExportedMatch['status'], string> = { active: 'Active', ended: 'Ended' };

export function* matchRows(matches: Iterable<ExportedMatch>): Generator<string[]> {
  for (const m of matches) {
    yield [
      String(m.id),
      m.mentor.name,
      m.mentor.email,
      m.mentee.name,
      m.mentee.email,
      STATUS_WORDS[m.status],
      m.matchedAt,
      m.endedAt ?? '',
      m.endReason ?? '',
      m.score.toFixed(2),
      m.explanation,
      m.liaisonName ?? '',
    ];
  }
}

export const matchesTable = (matches: readonly ExportedMatch[]): CsvTable => ({ header: MATCH_COLUMNS, rows: matchRows(matches) });
