import { SEED_PERIOD_ID, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation } from './matrix-kit.ts';

/** Applications and matches: staff and the matching committee, who review them. */
const REVIEWERS: Record<Caller, Expectation> = { ...STAFF_ONLY, committee: 'ok' };
/** Survey results in aggregate: staff and the advisory task force. */
const RESULT_READERS: Record<Caller, Expectation> = { ...STAFF_ONLY, taskforce: 'ok' };
const period = (what: string) => () => `/api/periods/${SEED_PERIOD_ID}/exports/${what}.csv`;

/** CSV exports: who may download each (an id that does not exist answers 404 once past the role check). */
export const exportMatrix: Record<string, Cell> = {
  'GET /api/periods/:id/exports/applications.csv': { url: period('applications'), expect: REVIEWERS },
  'GET /api/periods/:id/exports/matches.csv': { url: period('matches'), expect: REVIEWERS },
  'GET /api/periods/:id/exports/goal-sheets.csv': { url: period('goal-sheets'), expect: STAFF_ONLY },
  'GET /api/periods/:id/exports/contacts.csv': { url: period('contacts'), expect: STAFF_ONLY },
  'GET /api/periods/:id/exports/attendance.csv': { url: period('attendance'), expect: STAFF_ONLY },
  'GET /api/periods/:id/exports/survey-results.csv': { url: period('survey-results'), expect: RESULT_READERS },
  'GET /api/events/:id/exports/attendance.csv': {
    url: () => '/api/events/999999/exports/attendance.csv',
    expect: { ...STAFF_ONLY, staff: 404 },
  },
  'GET /api/surveys/:id/exports/survey-results.csv': {
    url: () => '/api/surveys/999999/exports/survey-results.csv',
    expect: { ...RESULT_READERS, staff: 404, taskforce: 404 },
  },
};
