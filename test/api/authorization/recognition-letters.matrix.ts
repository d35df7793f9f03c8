import { SEED_PERIOD_ID, SELF_OR_STAFF, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Cell } from './matrix-kit.ts';

/**
 * Routes of recognition letters: who may call them. A person may download only their own letter
 * (someone else's is 404; their own is 422 NOT_COMPLETED in the seed period, which has not ended);
 * staff may download anyone's.
 */
export const recognitionLetterMatrix: Record<string, Cell> = {
  'GET /api/recognition-letters/mine': { url: () => '/api/recognition-letters/mine', expect: SIGNED_IN },
  'GET /api/periods/:id/recognition-letters': { url: () => `/api/periods/${SEED_PERIOD_ID}/recognition-letters`, expect: STAFF_ONLY },
  'GET /api/periods/:id/recognition-letters.pdf': {
    url: () => `/api/periods/${SEED_PERIOD_ID}/recognition-letters.pdf`,
    expect: STAFF_ONLY,
  },
  'GET /api/periods/:id/recognition-letters/:userId(^\\d+).pdf': {
    url: () => `/api/periods/${SEED_PERIOD_ID}/recognition-letters/:id.pdf`,
    expect: SELF_OR_STAFF,
  },
  'POST /api/periods/:id/recognition-letters/send': {
    url: () => `/api/periods/${SEED_PERIOD_ID}/recognition-letters/send`,
    expect: STAFF_ONLY,
  },
};
