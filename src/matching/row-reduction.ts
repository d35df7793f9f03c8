/**
 * Jonker–Volgenant's augmenting row reduction for the general solver (`shortest-paths.ts`): an
 * auction-like warm start that places most rows in one pass over their costs each, leaving the rest
 * to the exact Dijkstra phase.
 */
import type { State } from './assignment-state.ts';
import { PENDING, UNMATCHED, evict, hasRoom, place } from './assignment-state.ts';
import { startColumn } from './candidate-lists.ts';
import { f64, i32 } from './search-state.ts';

/**
 * JV's augmenting row reduction, two passes, with a step budget so tie-heavy instances cannot
 * start a long price war (whatever is left goes to the exact Dijkstra phase anyway).
 * Returns the rows still pending, in ascending order.
 */
export function augmentingRowReduction(s: State): Int32Array {
  const { n, m, cost, rowBase, capacity, colOf, v, u, unmatchedCost } = s;
  let queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  let queueLength = n;
  const deferred: number[] = [];
  let budget = 4 * n + 1000;
  const best: BestTwo = { u1: 0, j1: -1, u2: 0, j2: -1, floor: -Infinity };
  // Per cost row: a lower bound on its reduced costs (the smallest at its last full scan: prices
  // only fall, so reduced costs only rise), for bestTwo's early exit.
  const floor = new Float64Array(m === 0 ? 0 : cost.length / m).fill(-Infinity);

  for (let pass = 0; pass < 2; pass++) {
    const next = new Int32Array(n);
    let nextLength = 0;
    let k = 0;
    while (k < queueLength) {
      const i = i32(queue, k++);
      if (budget-- <= 0) {
        deferred.push(i);
        continue;
      }
      // Best and second-best reduced cost over the columns and the "unmatched" option (-1).
      // Ties prefer a real column (more matched), then one with room (see bestTwo).
      best.u1 = unmatchedCost;
      best.j1 = -1;
      best.u2 = Infinity;
      best.j2 = -1;
      best.floor = Math.min(f64(floor, costRow(s, i)), unmatchedCost);
      const from = startColumn(i, m);
      const early = bestTwo(s, i32(rowBase, i), from, m, best) || bestTwo(s, i32(rowBase, i), 0, from, best);
      if (!early) floor[costRow(s, i)] = best.u1;
      const { u1, j1, u2, j2 } = best;
      if (j1 === -1) {
        colOf[i] = UNMATCHED;
        u[i] = unmatchedCost;
        continue;
      }
      if (hasRoom(s, j1)) {
        // (After an early exit u2 is not known, and u1 <= u2 is all that holds: no price change.)
        if (capacity[j1] === 1 && u1 < u2 && !early) v[j1] = f64(v, j1) - (u2 - u1);
        place(s, i, j1);
        continue;
      }
      if (capacity[j1] !== 1) {
        // Lowering a shared mentor's price would break its other mentees' potentials.
        deferred.push(i);
        continue;
      }
      if (u1 < u2) {
        // Outbid the current holder of j1 and re-process it immediately.
        v[j1] = f64(v, j1) - (u2 - u1);
        queue[--k] = evict(s, i, j1);
        continue;
      }
      // A tie: take the second choice instead, without a price change.
      if (j2 === -1) {
        colOf[i] = UNMATCHED;
        u[i] = unmatchedCost;
      } else if (hasRoom(s, j2)) {
        place(s, i, j2);
      } else if (capacity[j2] === 1) {
        next[nextLength++] = evict(s, i, j2);
      } else {
        deferred.push(i);
      }
    }
    queue = next;
    queueLength = nextLength;
  }
  for (let k = 0; k < queueLength; k++) deferred.push(i32(queue, k));

  // Potentials of placed rows follow from tightness on their pair.
  for (let i = 0; i < n; i++) {
    const j = i32(colOf, i);
    if (j >= 0) u[i] = f64(cost, i32(rowBase, i) + j) - f64(v, j);
    else if (j === PENDING) u[i] = 0;
  }
  const pending = Int32Array.from(deferred);
  pending.sort();
  return pending;
}

/** A row's best and second-best reduced cost and their columns (-1: the "unmatched" option). */
interface BestTwo {
  u1: number;
  j1: number;
  u2: number;
  j2: number;
  /** No reduced cost of the row is below this (nor is "unmatched"). */
  floor: number;
}

/** Index of row i's cost row (shared by the places of a mentor when solved transposed). */
function costRow(s: State, i: number): number {
  return i32(s.rowBase, i) / s.m;
}

/**
 * Folds columns from..to-1 of the row at `base` into `best`. Rows scan from spread-out start
 * columns (`startColumn`) and, among columns tied for the best, take one with room: on tie-heavy
 * scores (few levels) rows starting at column 0 all wanted the same few columns, evicted each other
 * and left nearly every row to the Dijkstra phase.
 *
 * Returns true, early, at a column with room whose reduced cost is the row's floor: it is a best
 * column, and the row can take it without a price change (u2 is then not known). Rows of a mentor
 * after the first then stop after a few columns on tie-heavy scores.
 */
function bestTwo(s: State, base: number, from: number, to: number, best: BestTwo): boolean {
  const { cost, v, fill, capacity } = s;
  const floor = best.floor;
  let { u1, j1, u2, j2 } = best;
  let early = false;
  for (let j = from; j < to; j++) {
    const h = (cost[base + j] as number) - (v[j] as number);
    if (h < u1) {
      u2 = u1;
      j2 = j1;
      u1 = h;
      j1 = j;
      if (h <= floor && (fill[j] as number) < (capacity[j] as number)) {
        early = true;
        break;
      }
    } else if (h === u1) {
      if (j1 === -1 || ((fill[j1] as number) >= (capacity[j1] as number) && (fill[j] as number) < (capacity[j] as number))) {
        u2 = u1;
        j2 = j1;
        j1 = j;
        if (h <= floor && (fill[j] as number) < (capacity[j] as number)) {
          early = true;
          break;
        }
      } else if (h < u2) {
        u2 = h;
        j2 = j;
      }
    } else if (h < u2) {
      u2 = h;
      j2 = j;
    }
  }
  best.u1 = u1;
  best.j1 = j1;
  best.u2 = u2;
  best.j2 = j2;
  return early;
}
