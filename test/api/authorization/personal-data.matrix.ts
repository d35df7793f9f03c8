import type { Cell } from './matrix-kit.ts';
import { SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';

/** Routes of personal data: everyone signed in downloads their own; only staff erase (or look first). */
export const personalDataMatrix: Record<string, Cell> = {
  'GET /api/my/data': { url: () => '/api/my/data', expect: SIGNED_IN },
  // Staff erasing the fixture's other person (a mentee with no match) gets 200.
  'GET /api/people/:id/erasure': { url: () => '/api/people/:id/erasure', expect: STAFF_ONLY },
  'POST /api/people/:id/erase': { url: () => '/api/people/:id/erase', body: () => ({}), expect: STAFF_ONLY },
};
