import type { Deps } from '../../deps.ts';
import { NotFoundError, RuleViolationError } from '../../errors.ts';
import type { ChartData } from '../../shared/api/reports.ts';
import type { QuestionResult } from '../../shared/api/surveys.ts';
import type { QuestionKind } from '../../shared/surveys.ts';
import { getSurveyResults } from './survey-results.service.ts';
import { listResponses } from './survey-responses.store.ts';

/**
 * One survey question drawn as a chart (the workspace and the annual report). Built on the
 * survey's own aggregate results, so the same rules hold: nothing before the survey closes
 * (ConflictError RESULTS_NOT_YET), nothing when fewer than the threshold answered.
 */

/** The kinds a chart can show: counts per option, or a spread of numbers. Free text cannot. */
export const CHARTABLE_KINDS: readonly QuestionKind[] = ['likert', 'single', 'multiple', 'number'];
export const isChartable = (kind: QuestionKind): boolean => CHARTABLE_KINDS.includes(kind);

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (n: number, total: number) => (total === 0 ? '0%' : `${Math.round((n / total) * 100)}%`);

/** Says the bars in words: "Of 12 people who answered: Agree 7 (58%), Disagree 5 (42%)." */
export function barsInWords(bars: readonly { label: string; value: number }[], total: number, unit: string, extra = ''): string {
  const parts = bars.map((b) => `${b.label}: ${fmt(b.value)} (${pct(b.value, total)})`);
  return `Of ${total} ${unit}: ${parts.join('; ')}.${extra ? ` ${extra}` : ''}`;
}

/**
 * A number question's answers as a spread: one bar per value when there are few distinct
 * whole values (8 or fewer between the smallest and largest), otherwise ranges of a round width.
 * Only used once at least the threshold answered; a bar of one is then a count of answers, not
 * a group of people that could be told apart (the same as a scale question's bars).
 */
export function numberDistribution(values: readonly number[]): { label: string; value: number }[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const allWhole = values.every((v) => Number.isInteger(v));
  if (allWhole && hi - lo + 1 <= 8) {
    const out: { label: string; value: number }[] = [];
    for (let v = lo; v <= hi; v++) out.push({ label: String(v), value: values.filter((x) => x === v).length });
    return out;
  }
  // Round edges (a step of 1, 2 or 5 times a power of ten), so the labels never print anyone's
  // exact smallest or largest answer.
  const raw = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((x) => x >= raw)!;
  const start = Math.floor(lo / step) * step;
  const count = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
  return Array.from({ length: count }, (_, i) => {
    const from = start + step * i;
    const to = from + step;
    const last = i === count - 1;
    const inBucket = values.filter((v) => v >= from && (last ? v <= to : v < to)).length;
    return { label: `${fmt(from)} to ${last ? fmt(to) : `under ${fmt(to)}`}`, value: inBucket };
  });
}

/** A question's overall result as a chart; `numbers` are the raw answers of a number question. */
export function questionChart(q: QuestionResult, numbers: readonly number[] = []): ChartData {
  const title = q.text;
  if (!isChartable(q.kind)) {
    throw new RuleViolationError('NOT_A_CHART', 'A free-text question cannot be drawn as a chart; read its answers on the results page.');
  }
  if (q.overall.suppressed) return { suppressed: true, title, reason: q.overall.reason };
  const s = q.overall;
  const unit = 'people who answered';
  if (q.kind === 'number') {
    const bars = numberDistribution(numbers);
    const extra = s.mean !== null && s.median !== null ? `The average is ${fmt(s.mean)}, the median ${fmt(s.median)}.` : '';
    return { suppressed: false, title, unit, bars, total: s.answered, summary: barsInWords(bars, s.answered, unit, extra) };
  }
  const bars = (s.counts ?? []).map((c) => ({ label: c.label, value: c.count }));
  const extra =
    q.kind === 'multiple'
      ? 'People could pick several answers, so the shares add up to more than 100%.'
      : q.kind === 'likert' && s.mean !== null
        ? `The average is ${fmt(s.mean)} on a scale of 1 to 5.`
        : '';
  return { suppressed: false, title, unit, bars, total: s.answered, summary: barsInWords(bars, s.answered, unit, extra) };
}

/**
 * A survey question's chart. Unknown survey or question → NotFoundError; survey not closed yet →
 * the ConflictError of `getSurveyResults`; free text → RuleViolationError NOT_A_CHART.
 */
export async function surveyQuestionChart(deps: Pick<Deps, 'db' | 'clock'>, surveyId: number, questionId: string): Promise<ChartData> {
  const results = await getSurveyResults(deps, surveyId, []);
  const q = results.questions.find((x) => x.questionId === questionId);
  if (!q) throw new NotFoundError('question');
  let numbers: number[] = [];
  if (q.kind === 'number' && !q.overall.suppressed) {
    const responses = await listResponses(deps.db, surveyId);
    numbers = responses.map((r) => r.answers[questionId]).filter((v): v is number => typeof v === 'number');
  }
  return questionChart(q, numbers);
}

/** Every chartable question of a closed survey, each with its chart (for the "insert chart" dialog). */
export async function surveyCharts(
  deps: Pick<Deps, 'db' | 'clock'>,
  surveyId: number,
): Promise<{ title: string; periodName: string; charts: { questionId: string; text: string; data: ChartData }[] }> {
  const results = await getSurveyResults(deps, surveyId, []);
  const needNumbers = results.questions.some((q) => q.kind === 'number' && !q.overall.suppressed);
  const responses = needNumbers ? await listResponses(deps.db, surveyId) : [];
  return {
    title: results.title,
    periodName: results.periodName,
    charts: results.questions
      .filter((q) => isChartable(q.kind))
      .map((q) => ({
        questionId: q.questionId,
        text: q.text,
        data: questionChart(
          q,
          q.kind === 'number' ? responses.map((r) => r.answers[q.questionId]).filter((v): v is number => typeof v === 'number') : [],
        ),
      })),
  };
}
