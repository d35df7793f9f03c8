import type { Caller, Cell, Expectation } from './matrix-kit.ts';
import { MATCH_PARTIES_OR_STAFF, matchTargets, ownOrOther, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';

/**
 * Writing: one of the pair gets through (an empty draft saves; an empty sheet is refused as
 * incomplete, 422), anyone else is told there is no such match (404) — except staff, who are told
 * they review rather than write (403). In the matrix, "own" puts every caller but a mentor in the
 * match as its mentee, so a staff member who is also the mentee may write their own sheet.
 */
const PARTIES_WRITE: Record<Caller, Expectation> = {
  ...ownOrOther('ok', 404),
  anonymous: 401,
  staff: { own: 'ok', other: 403 },
};
/** Submitting: as writing, but a mentor may not when the program has the mentee send it (the default). */
const PARTIES_SUBMIT: Record<Caller, Expectation> = { ...PARTIES_WRITE, mentor: { own: 403, other: 404 } };

const EMPTY = { goals: [], communication: { channels: [], cadence: '' } };

/** Routes of goal sheets: who may call them. */
export const goalSheetMatrix: Record<string, Cell> = {
  'GET /api/matches/:id/goal-sheet': { url: () => '/api/matches/:id/goal-sheet', targets: matchTargets, expect: MATCH_PARTIES_OR_STAFF },
  'PUT /api/matches/:id/goal-sheet': {
    url: () => '/api/matches/:id/goal-sheet',
    targets: matchTargets,
    body: () => ({ baseRevision: 0, content: EMPTY }),
    expect: PARTIES_WRITE,
  },
  'POST /api/matches/:id/goal-sheet/submit': {
    url: () => '/api/matches/:id/goal-sheet/submit',
    targets: matchTargets,
    body: () => ({ revision: 0 }),
    expect: PARTIES_SUBMIT,
  },
  // Staff only; with nothing submitted yet staff get a 409 (past the access check).
  'POST /api/matches/:id/goal-sheet/acknowledge': {
    url: () => '/api/matches/:id/goal-sheet/acknowledge',
    targets: matchTargets,
    body: () => ({ revision: 0 }),
    expect: STAFF_ONLY,
  },
  'POST /api/matches/:id/goal-sheet/return': {
    url: () => '/api/matches/:id/goal-sheet/return',
    targets: matchTargets,
    body: () => ({ revision: 0, comment: 'Please add a target date.' }),
    expect: STAFF_ONLY,
  },
  'GET /api/matches/:id/goal-sheet/versions': {
    url: () => '/api/matches/:id/goal-sheet/versions',
    targets: matchTargets,
    expect: MATCH_PARTIES_OR_STAFF,
  },
  'GET /api/matches/:id/goal-sheet.pdf': {
    url: () => '/api/matches/:id/goal-sheet.pdf',
    targets: matchTargets,
    expect: MATCH_PARTIES_OR_STAFF,
  },
  'GET /api/goal-sheets': { url: () => '/api/goal-sheets', expect: STAFF_ONLY },
  'GET /api/goal-sheets/blank.pdf': { url: () => '/api/goal-sheets/blank.pdf', expect: SIGNED_IN },
};
