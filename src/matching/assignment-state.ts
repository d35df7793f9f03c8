/**
 * The general solver's assignment state (`shortest-paths.ts`, `row-reduction.ts`): the core
 * problem, which rows fill which places, and the potentials.
 */
import { i32 } from './search-state.ts';

/** colOf value for a row not yet placed. */
export const PENDING = -2;
/** colOf value for a row that is (for now) unmatched. */
export const UNMATCHED = -1;

/** One solve's problem, assignment and potentials. Slots of column j are slotRow[start[j] .. start[j]+fill[j]). */
export interface State {
  readonly n: number;
  readonly m: number;
  readonly cost: Float64Array;
  /** Offset of each row's costs in `cost`. */
  readonly rowBase: Int32Array;
  readonly capacity: Int32Array;
  readonly unmatchedCost: number;
  readonly start: Int32Array;
  readonly fill: Int32Array;
  readonly slotRow: Int32Array;
  readonly colOf: Int32Array;
  readonly slotOf: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

export function hasRoom(s: State, j: number): boolean {
  return i32(s.fill, j) < i32(s.capacity, j);
}

export function place(s: State, i: number, j: number): void {
  const slot = i32(s.start, j) + i32(s.fill, j);
  s.fill[j] = i32(s.fill, j) + 1;
  s.slotRow[slot] = i;
  s.colOf[i] = j;
  s.slotOf[i] = slot;
}

/** Row i takes the single place of full column j; returns the row it evicts (now PENDING). */
export function evict(s: State, i: number, j: number): number {
  const slot = i32(s.start, j);
  const evicted = i32(s.slotRow, slot);
  s.slotRow[slot] = i;
  s.colOf[i] = j;
  s.slotOf[i] = slot;
  s.colOf[evicted] = PENDING;
  return evicted;
}
