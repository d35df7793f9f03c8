import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { assertRowId } from './row-id.ts';

describe('row ids', () => {
  it('accepts what a 32-bit id column holds and refuses the rest with the same error a route schema gives', () => {
    expect(() => assertRowId(1, 'period')).not.toThrow();
    expect(() => assertRowId(2_147_483_647, 'period')).not.toThrow();
    for (const bad of [0, -1, 1.5, 2_147_483_648, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => assertRowId(bad, 'period')).toThrow(InvalidInputError);
    }
    expect(() => assertRowId(0, 'match')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('not a match id') }),
    );
  });
});
