import type { Caller, Cell, Expectation } from './matrix-kit.ts';
import { everyone, matchTargets, SEED_PERIOD_ID, STAFF_ONLY } from './matrix-kit.ts';

/** A committee member's own list; everyone else, staff included, is refused. */
const COMMITTEE_ONLY: Record<Caller, Expectation> = { ...everyone(403), anonymous: 401, committee: 'ok' };
/** A token nobody was sent: the same 404 for everyone, signed in or not. */
const UNKNOWN_TOKEN = 'x'.repeat(43);

/** Routes of liaisons and check-ins: who may call them. */
export const liaisonMatrix: Record<string, Cell> = {
  'PUT /api/matches/:id/liaison': {
    url: () => '/api/matches/:id/liaison',
    targets: matchTargets,
    body: () => ({ liaisonUserId: null }),
    expect: STAFF_ONLY,
  },
  'POST /api/periods/:id/liaisons/spread': {
    url: () => `/api/periods/${SEED_PERIOD_ID}/liaisons/spread`,
    // Not a committee member: staff get past the role check and hear 422.
    body: (f) => ({ committeeUserIds: [f.otherId] }),
    expect: STAFF_ONLY,
  },
  'GET /api/periods/:id/liaisons': { url: () => `/api/periods/${SEED_PERIOD_ID}/liaisons`, expect: STAFF_ONLY },
  'GET /api/my/liaison-matches': { url: () => '/api/my/liaison-matches', expect: COMMITTEE_ONLY },
  'POST /api/matches/:id/check-ins': {
    url: () => '/api/matches/:id/check-ins',
    targets: matchTargets,
    body: () => ({ note: '' }),
    expect: STAFF_ONLY,
  },
  'POST /api/matches/:id/check-ins/handled': { url: () => '/api/matches/:id/check-ins/handled', targets: matchTargets, expect: STAFF_ONLY },
  'GET /api/check-ins/:token': { url: () => `/api/check-ins/${UNKNOWN_TOKEN}`, expect: everyone(404) },
  'POST /api/check-ins/:token/answer': {
    url: () => `/api/check-ins/${UNKNOWN_TOKEN}/answer`,
    body: () => ({ answer: 'all_good' }),
    expect: everyone(404),
  },
};
