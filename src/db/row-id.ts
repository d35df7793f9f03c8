import { InvalidInputError } from '../errors.ts';
import { rowIdSchema } from '../shared/api/common.ts';

/**
 * A use case given an id from somewhere other than a route (whose schema already checked it) still
 * refuses one no row can have — not a positive 32-bit integer, which PostgreSQL would answer with a
 * range error (a 500) — with the same 400 the route schemas give.
 */
export function assertRowId(id: number, what: string): void {
  if (!rowIdSchema.safeParse(id).success) {
    const message = `${id} is not a ${what} id: ids are whole numbers from 1 to 2147483647.`;
    throw new InvalidInputError('VALIDATION_FAILED', message, [{ path: 'id', message }]);
  }
}
