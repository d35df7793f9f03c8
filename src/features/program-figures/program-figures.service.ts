import type { Deps } from '../../deps.ts';
import type { ProgramFigures } from '../../shared/api/program-figures.ts';
import type { z } from 'zod';
import type { ChartData, chartOptionsSchema } from '../../shared/api/reports.ts';
import { FIGURE_KEYS, FIGURE_LABELS } from '../../shared/reports.ts';
import type { FigureKey } from '../../shared/reports.ts';
import { matchDates } from '../matches/match-dates.rules.ts';
import { getPeriod } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { surveyCharts } from '../surveys/survey-charts.service.ts';
import { listResultSurveys } from '../surveys/surveys.service.ts';
import { attendanceByPerson, periodFigures, runReasonsOf, sheetTiming, unmatchedWhy } from './program-figures.rules.ts';
import type { PeriodFacts } from './program-figures.rules.ts';
import {
  listApplicationFacts,
  listApprovedRunResults,
  listEventAttendanceFacts,
  listMatchFacts,
  listRematchFacts,
  listSurveyInvitationFacts,
} from './program-figures.store.ts';

type ChartOptions = z.infer<typeof chartOptionsSchema>;

/** A period's own figures (PRODUCT.md §11): counts only, with the confidentiality rule of program-figures.rules.ts. */

function parsed(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

async function factsOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  periodId: number,
  programEndsOn: string,
): Promise<{ facts: PeriodFacts; min: number }> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  // One transaction so every figure counts the same moment.
  return deps.db.transaction().execute(async (trx) => {
    const [applications, runs, matches, rematch, events, surveys] = await Promise.all([
      listApplicationFacts(trx, periodId),
      listApprovedRunResults(trx, periodId),
      listMatchFacts(trx, periodId),
      listRematchFacts(trx, periodId),
      listEventAttendanceFacts(trx, periodId, now.toISOString()),
      listSurveyInvitationFacts(trx, periodId),
    ]);
    const reasons = runReasonsOf(runs.map(parsed));
    const facts: PeriodFacts = {
      applications: applications.map((a) => ({ person: a.userId, role: a.role, status: a.status, why: unmatchedWhy(a, reasons) })),
      matches: matches.map((m) => ({
        id: m.id,
        goalSheet: sheetTiming(m.firstSubmittedAt, matchDates(m.matchedAt, programEndsOn, settings).goalSheetDueOn, now, settings.timeZone),
        contacts: m.contacts,
      })),
      rematchRequests: rematch.map((r) => ({ person: r.requestedBy, status: r.status })),
      eventPeople: attendanceByPerson(events),
      surveyInvitations: surveys.map((s) => ({ person: s.userId, answered: s.answered })),
    };
    return { facts, min: settings.surveyMinGroupSize };
  });
}

/** Every figure of a period. Unknown period → NotFoundError. */
export async function programFigures(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<ProgramFigures> {
  const period = await getPeriod(deps, periodId);
  const { facts, min } = await factsOf(deps, periodId, period.programEndsOn);
  const figures = periodFigures(facts, min);
  return {
    periodId: period.id,
    periodName: period.name,
    minGroupSize: min,
    figures: FIGURE_KEYS.map((key) => ({ key, data: figures[key] })),
  };
}

/**
 * One figure as a chart (a report's `{source:'figures'}` reference). Suppression is decided over
 * all the period's figures together, so a chart alone hides exactly what the workspace hides.
 */
export async function figureChart(deps: Pick<Deps, 'db' | 'clock'>, periodId: number, figure: FigureKey): Promise<ChartData> {
  const all = await programFigures(deps, periodId);
  // Every key of FIGURE_KEYS has its figure.
  return all.figures.find((f) => f.key === figure)!.data;
}

/** What the report editor's "insert chart" dialog offers for a period: its figures, then each closed survey's chartable questions. */
export async function chartOptions(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<ChartOptions> {
  const figures = await programFigures(deps, periodId);
  const options: ChartOptions['options'] = figures.figures.map((f) => ({
    ref: { source: 'figures' as const, periodId, figure: f.key },
    label: FIGURE_LABELS[f.key],
    group: 'Program figures',
    data: f.data,
  }));
  const surveys = (await listResultSurveys(deps)).filter((s) => s.periodId === periodId && s.state === 'closed');
  for (const s of surveys) {
    const { charts } = await surveyCharts(deps, s.id);
    for (const c of charts) {
      options.push({
        ref: { source: 'survey' as const, surveyId: s.id, questionId: c.questionId },
        label: c.text,
        group: s.title,
        data: c.data,
      });
    }
  }
  return { options };
}
