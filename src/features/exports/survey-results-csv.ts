import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';
import type { QuestionResult, QuestionSummary } from '../../shared/api/surveys.ts';

/**
 * Survey results, aggregates only: per question and group, how many answered, how many picked each
 * option, the mean and median — never anyone's own answer, and no free-text comments either
 * (they are one person's words). Groups the survey's rules hide (fewer people than the program's
 * minimum, or revealing by difference) are hidden here alike, with the reason. One figure per row,
 * so a spreadsheet can pivot it.
 */
export const SURVEY_RESULT_COLUMNS = ['Survey', 'Section', 'Question', 'Group', 'Answered', 'Figure', 'Value'] as const;

export interface ExportedSurveyResults {
  title: string;
  /** As the surveys service gives them: suppression already applied. */
  questions: readonly QuestionResult[];
}

function* summaryRows(prefix: readonly string[], s: QuestionSummary): Generator<string[]> {
  const answered = String(s.answered);
  yield [...prefix, answered, 'Answers', answered];
  for (const c of s.counts ?? []) yield [...prefix, answered, c.label, String(c.count)];
  if (s.mean !== null) yield [...prefix, answered, 'Mean', String(s.mean)];
  if (s.median !== null) yield [...prefix, answered, 'Median', String(s.median)];
}

export function* surveyResultRows(surveys: Iterable<ExportedSurveyResults>): Generator<string[]> {
  for (const survey of surveys) {
    for (const q of survey.questions) {
      const at = (group: string) => [survey.title, q.section, q.text, group];
      if (q.overall.suppressed) yield [...at('Everyone'), '', 'Hidden', q.overall.reason];
      else yield* summaryRows(at('Everyone'), q.overall);
      for (const b of q.breakdowns) {
        if ('suppressed' in b.groups) yield [...at(`By ${b.by}`), '', 'Hidden', b.groups.reason];
        else for (const g of b.groups) yield* summaryRows(at(g.label), g.summary);
      }
    }
  }
}

export const surveyResultsTable = (surveys: readonly ExportedSurveyResults[]): CsvTable => ({
  header: SURVEY_RESULT_COLUMNS,
  rows: surveyResultRows(surveys),
});
