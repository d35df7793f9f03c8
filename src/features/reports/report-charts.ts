import type { Deps } from '../../deps.ts';
import { DomainError } from '../../errors.ts';
import { FIGURE_LABELS } from '../../shared/reports.ts';
import type { ChartData, ChartRef } from '../../shared/api/reports.ts';
import { chartKey } from '../../shared/api/reports.ts';
import { figureChart, programFigures } from '../program-figures/program-figures.service.ts';
import { surveyCharts, surveyQuestionChart } from '../surveys/survey-charts.service.ts';

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

/**
 * Many chart references at once (a report's page, its PDF, publishing). Each period's figures and
 * each survey's charts are worked out once and shared by every reference to them: a report with
 * all eight figures of a period reads the period's facts once, not eight times. A reference the
 * batch cannot answer (an error, a question that is not a chart) goes through `liveChart`, so
 * it says why exactly as it would alone.
 */
export async function liveCharts(
  deps: Pick<Deps, 'db' | 'clock'>,
  refs: readonly ChartRef[],
): Promise<{ key: string; ref: ChartRef; data: ChartData }[]> {
  const figures = new Map<number, Map<string, ChartData> | null>();
  const surveys = new Map<number, Map<string, ChartData> | null>();
  const tolerant = async (work: () => Promise<Map<string, ChartData>>): Promise<Map<string, ChartData> | null> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  };
  // One at a time: inside a transaction (publishing) a connection runs one query at a time anyway.
  const out: { key: string; ref: ChartRef; data: ChartData }[] = [];
  for (const ref of refs) {
    let batch: Map<string, ChartData> | null | undefined;
    let id: string;
    if (ref.source === 'figures') {
      if (!figures.has(ref.periodId)) {
        const periodId = ref.periodId;
        figures.set(
          periodId,
          await tolerant(async () => new Map((await programFigures(deps, periodId)).figures.map((f) => [f.key, f.data]))),
        );
      }
      batch = figures.get(ref.periodId);
      id = ref.figure;
    } else {
      if (!surveys.has(ref.surveyId)) {
        const surveyId = ref.surveyId;
        surveys.set(
          surveyId,
          await tolerant(async () => new Map((await surveyCharts(deps, surveyId)).charts.map((c) => [c.questionId, c.data]))),
        );
      }
      batch = surveys.get(ref.surveyId);
      id = ref.questionId;
    }
    out.push({ key: chartKey(ref), ref, data: batch?.get(id) ?? (await liveChart(deps, ref)) });
  }
  return out;
}
