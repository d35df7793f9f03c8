import type { ChartRef, RichNode } from '../../shared/api/reports.ts';
import type { FigureKey } from '../../shared/reports.ts';
import { docOf } from './rich-text.rules.ts';

/** The period's figures the outline offers first, best first; it takes the first two that show. */
export const OUTLINE_FIGURES: readonly FigureKey[] = ['applications', 'outcomes', 'goal-sheets', 'survey-response', 'events'];

/**
 * The outline a new annual report starts from (PRODUCT.md §11), in the program's own words:
 * each section has a starter paragraph the task force writes over, and the first has up to two of
 * the period's own figures as charts — `figures`, those of OUTLINE_FIGURES that the
 * confidentiality threshold lets show today and that count anything, so a new draft does not
 * start with a hidden or an empty chart.
 */
export function defaultOutline(periodId: number, periodName: string, figures: readonly FigureKey[]): { title: string; body: RichNode }[] {
  const charts = figures.slice(0, 2).map((figure): { chart: ChartRef } => ({ chart: { source: 'figures', periodId, figure } }));
  const intro = `A short look at ${periodName}: how many people applied, how many were matched, and how the year went.`;
  return [
    {
      title: 'The year in numbers',
      body: docOf(
        charts.length > 0
          ? `${intro} The charts below stay up to date until the report is published.`
          : `${intro} Insert charts of the period's figures as they become large enough to show without pointing to anyone.`,
        ...charts,
      ),
    },
    {
      title: 'What participants said',
      body: docOf(
        'What mentors and mentees told us in the surveys, in a few sentences. Insert a chart of a survey question to show the answers; groups too small to keep people anonymous are never shown.',
      ),
    },
    {
      title: 'What worked',
      body: docOf('The parts of the program that helped most this year, and why we think so.'),
    },
    {
      title: 'What to change',
      body: docOf('What got in the way, what people found hard, and what we would do differently.'),
    },
    {
      title: 'Recommendations',
      body: docOf('Our recommendations for next year, each with the reason behind it.'),
    },
  ];
}
