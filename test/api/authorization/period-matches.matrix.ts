import type { Cell } from './matrix-kit.ts';
import { SEED_PERIOD_ID, STAFF_ONLY } from './matrix-kit.ts';

/** The staff list of a period's matches: who may call it. */
export const periodMatchMatrix: Record<string, Cell> = {
  'GET /api/periods/:id/matches': { url: () => `/api/periods/${SEED_PERIOD_ID}/matches`, expect: STAFF_ONLY },
};
