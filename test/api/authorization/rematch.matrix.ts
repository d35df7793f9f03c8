import type { Caller, Cell, Expectation } from './matrix-kit.ts';
import { everyone, matchTargets, ownOrOther, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';

/** The match's own two people; for everyone else, staff included, someone else's match does not exist. */
const PARTIES_ONLY: Record<Caller, Expectation> = { ...ownOrOther('ok', 404), anonymous: 401 };
/** Staff and the committee read the queue and histories. */
const READERS: Record<Caller, Expectation> = { ...STAFF_ONLY, committee: 'ok' };
/** A request that does not exist: readers hear 404, the rest are refused by role first. */
const MISSING_REQUEST = 2_000_000_000;
const READERS_MISSING: Record<Caller, Expectation> = { ...everyone(403), anonymous: 401, staff: 404, committee: 404 };
const NEXT = { kind: 'none' };

/** Routes of the re-match guarantee and ending matches: who may call them. */
export const rematchMatrix: Record<string, Cell> = {
  'POST /api/matches/:id/rematch-requests': {
    url: () => '/api/matches/:id/rematch-requests',
    targets: matchTargets,
    body: () => ({ reason: 'We never found a time to talk.' }),
    expect: PARTIES_ONLY,
  },
  'GET /api/matches/:id/rematch': { url: () => '/api/matches/:id/rematch', targets: matchTargets, expect: PARTIES_ONLY },
  'GET /api/my/rematch': { url: () => '/api/my/rematch', expect: SIGNED_IN },
  'POST /api/rematch-requests/:id/withdraw': {
    url: () => `/api/rematch-requests/${MISSING_REQUEST}/withdraw`,
    expect: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/rematch-requests': { url: () => '/api/rematch-requests', expect: READERS },
  'GET /api/rematch-requests/:id/candidates': { url: () => `/api/rematch-requests/${MISSING_REQUEST}/candidates`, expect: READERS_MISSING },
  'POST /api/rematch-requests/:id/resolve': {
    url: () => `/api/rematch-requests/${MISSING_REQUEST}/resolve`,
    body: () => ({ action: 'keep', note: 'Stay a while.' }),
    // The committee reads the queue but acts only when the settings allow it (they do not here).
    expect: { ...READERS_MISSING, committee: 403 },
  },
  'GET /api/matches/:id/end-candidates': { url: () => '/api/matches/:id/end-candidates', targets: matchTargets, expect: READERS },
  'POST /api/matches/:id/end': {
    url: () => '/api/matches/:id/end',
    targets: matchTargets,
    body: () => ({ reason: 'Left the program.', mentor: NEXT, mentee: NEXT }),
    expect: STAFF_ONLY,
  },
  'GET /api/matches/:id/history': { url: () => '/api/matches/:id/history', targets: matchTargets, expect: READERS },
};
