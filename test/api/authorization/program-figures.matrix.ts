import { SEED_PERIOD_ID, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation } from './matrix-kit.ts';

/** The task force's workspace: counts only, for staff and the advisory task force. */
const READERS: Record<Caller, Expectation> = { ...STAFF_ONLY, taskforce: 'ok' };

/** Routes of the workspace (program figures, chart options, a question across years): who may call them. */
export const programFigureMatrix: Record<string, Cell> = {
  'GET /api/program-figures': { url: () => `/api/program-figures?periodId=${SEED_PERIOD_ID}`, expect: READERS },
  'GET /api/report-charts/options': { url: () => `/api/report-charts/options?periodId=${SEED_PERIOD_ID}`, expect: READERS },
  'GET /api/survey-results/across-years/questions': { url: () => '/api/survey-results/across-years/questions', expect: READERS },
  // No closed wrap-up survey asked this question in the matrix's program: readers get 404, the rest are stopped first.
  'GET /api/survey-results/across-years': {
    url: () => '/api/survey-results/across-years?questionId=overall',
    expect: { ...READERS, staff: 404, taskforce: 404 },
  },
};
