import { stringify } from 'csv-stringify/sync';
import { formulaSafe } from '../../csv/spreadsheet-cell.ts';
import type { QuestionResult, QuestionSummary } from '../../shared/api/surveys.ts';

/**
 * Survey results as CSV: exactly what the results page shows — the same groups, the same hidden
 * ones — one line per figure, so a spreadsheet can pivot it. Free text goes through the formula
 * guard like every typed-in cell.
 */
export const RESULTS_CSV_COLUMNS = ['Section', 'Question', 'Group', 'Answered', 'Figure', 'Value'] as const;

function summaryRows(q: QuestionResult, group: string, s: QuestionSummary): string[][] {
  const row = (figure: string, value: string | number) => [q.section, q.text, group, String(s.answered), figure, String(value)];
  const rows: string[][] = [];
  for (const c of s.counts ?? []) rows.push(row(c.label, c.count));
  if (s.mean !== null) rows.push(row('Mean', s.mean));
  if (s.median !== null) rows.push(row('Median', s.median));
  for (const t of s.texts ?? []) rows.push(row('Comment', t));
  if (rows.length === 0) rows.push(row('Answers', s.answered));
  return rows;
}

export function resultsCsv(questions: readonly QuestionResult[]): string {
  const rows: string[][] = [];
  for (const q of questions) {
    if (q.overall.suppressed) rows.push([q.section, q.text, 'Everyone', '', 'Hidden', q.overall.reason]);
    else rows.push(...summaryRows(q, 'Everyone', q.overall));
    for (const b of q.breakdowns) {
      if ('suppressed' in b.groups) rows.push([q.section, q.text, `By ${b.by}`, '', 'Hidden', b.groups.reason]);
      else for (const g of b.groups) rows.push(...summaryRows(q, g.label, g.summary));
    }
  }
  return stringify([[...RESULTS_CSV_COLUMNS], ...rows.map((r) => r.map(formulaSafe))], { record_delimiter: 'windows' });
}
