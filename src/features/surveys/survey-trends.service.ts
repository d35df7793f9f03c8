import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import type { SurveyTrend, TrendQuestions } from '../../shared/api/program-figures.ts';
import { getSettings } from '../programs/program.service.ts';
import { isChartable, surveyQuestionChart } from './survey-charts.service.ts';
import { surveyState } from './survey.rules.ts';
import { listSurveys } from './surveys.store.ts';
import type { SurveyRecord } from './surveys.store.ts';

/**
 * One question followed across years: the same question id in each period's closed wrap-up
 * survey (the default wrap-up survey keeps its ids from year to year). Each year's chart is that
 * survey's own result, with its own threshold check: respondents of different years are different
 * groups, and a difference between two years is not a group of people.
 */

async function closedWrapUps(deps: Pick<Deps, 'db' | 'clock'>): Promise<SurveyRecord[]> {
  const { timeZone } = await getSettings(deps);
  const now = deps.clock.now();
  const surveys = await listSurveys(deps.db, { publishedOnly: true });
  return surveys
    .filter((s) => s.kind === 'wrap-up' && surveyState(s, timeZone, now) === 'closed')
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.id - b.id);
}

/** The questions that can be followed: chartable ones asked in at least one closed wrap-up survey. */
export async function listTrendQuestions(deps: Pick<Deps, 'db' | 'clock'>): Promise<TrendQuestions> {
  const byId = new Map<string, { questionId: string; text: string; surveys: number }>();
  for (const s of await closedWrapUps(deps)) {
    for (const q of s.questions) {
      if (!isChartable(q.kind)) continue;
      const seen = byId.get(q.id);
      byId.set(q.id, { questionId: q.id, text: q.text, surveys: (seen?.surveys ?? 0) + 1 });
    }
  }
  return { questions: [...byId.values()] };
}

/** A question's distribution in each period's closed wrap-up survey that asked it, oldest first. */
export async function surveyTrend(deps: Pick<Deps, 'db' | 'clock'>, questionId: string): Promise<SurveyTrend> {
  const surveys = (await closedWrapUps(deps)).filter((s) => s.questions.some((q) => q.id === questionId && isChartable(q.kind)));
  const last = surveys.at(-1)?.questions.find((q) => q.id === questionId);
  if (!last) throw new NotFoundError('question');
  const { surveyMinGroupSize } = await getSettings(deps);
  const periods: SurveyTrend['periods'] = [];
  for (const s of surveys) {
    periods.push({
      periodId: s.periodId,
      periodName: s.periodName,
      surveyId: s.id,
      surveyTitle: s.title,
      data: await surveyQuestionChart(deps, s.id, questionId),
    });
  }
  return { questionId, text: last.text, kind: last.kind, minGroupSize: surveyMinGroupSize, periods };
}
