import type { Deps } from '../../deps.ts';
import { DomainError } from '../../errors.ts';
import { FIGURE_LABELS } from '../../shared/reports.ts';
import type { ChartData, ChartRef } from '../../shared/api/reports.ts';
import { chartKey } from '../../shared/api/reports.ts';
import { figureChart } from '../program-figures/program-figures.service.ts';
import { surveyQuestionChart } from '../surveys/survey-charts.service.ts';

/**
 * A chart reference's live data. A reference whose data cannot be had (a survey deleted or not
 * closed yet, a question that is free text) becomes a hidden chart that says why: a draft must
 * always open, and publishing refuses any hidden chart.
 */
export async function liveChart(deps: Pick<Deps, 'db' | 'clock'>, ref: ChartRef): Promise<ChartData> {
  try {
    return ref.source === 'figures'
      ? await figureChart(deps, ref.periodId, ref.figure)
      : await surveyQuestionChart(deps, ref.surveyId, ref.questionId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const title = ref.source === 'figures' ? FIGURE_LABELS[ref.figure] : 'Survey question';
    return { suppressed: true, title, reason: `Its data is not available: ${error.message}` };
  }
}

export async function liveCharts(
  deps: Pick<Deps, 'db' | 'clock'>,
  refs: readonly ChartRef[],
): Promise<{ key: string; ref: ChartRef; data: ChartData }[]> {
  // One at a time: inside a transaction (publishing) a connection runs one query at a time anyway.
  const out: { key: string; ref: ChartRef; data: ChartData }[] = [];
  for (const ref of refs) out.push({ key: chartKey(ref), ref, data: await liveChart(deps, ref) });
  return out;
}
