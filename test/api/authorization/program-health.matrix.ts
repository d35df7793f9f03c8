import type { Cell } from './matrix-kit.ts';
import { MATCH_PARTIES_OR_STAFF, matchTargets, SEED_PERIOD_ID, STAFF_ONLY } from './matrix-kit.ts';

/** Routes of program health and the participant workspace: who may call them. */
export const programHealthMatrix: Record<string, Cell> = {
  'GET /api/periods/:id/health': { url: () => `/api/periods/${SEED_PERIOD_ID}/health`, expect: STAFF_ONLY },
  'GET /api/matches/:id/workspace': { url: () => '/api/matches/:id/workspace', targets: matchTargets, expect: MATCH_PARTIES_OR_STAFF },
};
