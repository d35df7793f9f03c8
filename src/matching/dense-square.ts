/**
 * Jonker–Volgenant (LAPJV, 1987) for the square single-place case: n free mentees, n mentors with
 * one place each, objective `most-matched`. When a perfect matching exists among the allowed pairs,
 * the `most-matched` optimum is the cheapest perfect matching (one more match outweighs any score
 * difference), so the unmatched option can be left out and plain LAPJV applies:
 *
 *  1. column reduction (v_j = column minimum, assign its row when that row is still free),
 *  2. reduction transfer (a row that got exactly one column passes its slack to that column),
 *  3. augmenting row reduction (an auction step: bid the gap between the best and second-best
 *     reduced cost; ties take the second-best without a price change), a few passes with step
 *     budgets so that price wars are left to the exact phase,
 *  4. Dijkstra augmentation from each remaining free row.
 *
 * It reads the scores directly (cost = offset - value, -Infinity or NaN = forbidden): no cost
 * matrix is built. Returns null when there is no perfect matching (a row or column has no allowed
 * pair, or a search runs out of reachable columns); the caller then uses the general solver.
 *
 * Candidate lists (what makes it fast; `candidate-lists.ts`). With h_ij = offset - value_ij - v_j
 * (the cost reduced by the column price only): h_ij >= 0 throughout (after column reduction v_j is
 * the column minimum; without it v = 0 and offset >= every allowed value, which the caller
 * guarantees), and prices never rise: column reduction sets them, and every later step (transfer,
 * bids, Dijkstra's price update v_j += d_j - dist with d_j <= dist, clamped at 0 against rounding)
 * lowers them. So h never falls, and a short list of a row's cheapest columns with a bound on the
 * rest stays valid: bids take the two smallest h from the list, and Dijkstra (with a binary heap)
 * relaxes only a scanned row's list, with an event at the distance where columns outside it could
 * start to matter. On uniform random scores a search then touches a few dozen columns per scanned
 * row instead of n; the work left is about two passes over the matrix (column reduction, list
 * building). Where the lists do not hold the searches (long shortest paths, e.g. scores that are
 * one-dimensional distances), the phase switches to SciPy's dense search by a rule on counted work
 * (`search-state.ts`).
 *
 * Potentials: on return every allowed pair has c - u - v >= 0 with equality on the assignment.
 * Square LAP duals are only fixed up to a shift (u + d, v - d); the caller shifts them so that
 * v <= 0, which the general certificate needs.
 */
import type { Lists } from './candidate-lists.ts';
import { LIST_TARGET, RANK_COLUMN, RANK_EVENT, RANK_SINK, buildList, heapDown, heapUp, lowerPrices, makeLists } from './candidate-lists.ts';
import type { SearchHeap, SparseWork } from './search-state.ts';
import { f64, i32, makeHeap, sparseStopsPaying } from './search-state.ts';

export interface DenseSquareInput {
  readonly n: number;
  /** Values (higher is better); cost of pair (r, j) is offset - values[rowBase[r] + j]. */
  readonly values: Float64Array;
  readonly rowBase: Int32Array;
  readonly offset: number;
  /** Run column reduction and augmenting row reduction first (default true). */
  readonly initialise?: boolean;
  /** Target candidate-list length (default LIST_TARGET; tests use tiny ones to exercise rebuilds). */
  readonly listTarget?: number;
  /** Dense Dijkstra searches from the start instead of sparse ones first (tests). */
  readonly denseSearch?: boolean;
  readonly onProgress?: ((fraction: number) => void) | undefined;
}

export interface DenseSquareSolution {
  /** Per row: its column. */
  readonly colOf: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/** Augmenting row reduction: passes over the free rows. */
const ARR_PASSES = 16;
/** ... total bid steps per row of the matrix (plus a constant), over all passes. */
const ARR_STEPS_PER_ROW = 32;
/** ... consecutive re-bids in one displacement chain before its row is left to Dijkstra. */
const ARR_CHAIN_STEPS = 32;

/** One solve's problem, assignment, column prices and candidate lists. */
interface Square {
  readonly n: number;
  readonly values: Float64Array;
  readonly rowBase: Int32Array;
  readonly offset: number;
  /** Column prices; h_ij = offset - values[rowBase[i] + j] - v[j]. */
  readonly v: Float64Array;
  /** Per row its column, per column its row; -1 = free. */
  readonly colOf: Int32Array;
  readonly rowOf: Int32Array;
  /** The free rows are free[0 .. numFree). */
  readonly free: Int32Array;
  numFree: number;
  readonly lists: Lists;
  /** augmentingRowReduction's scratch: the two smallest h of the row bidding, and their columns (-1: none). */
  readonly best: { u1: number; u2: number; j1: number; j2: number };
}

export function solveDenseSquare(input: DenseSquareInput): DenseSquareSolution | null {
  const { n, values, rowBase, offset } = input;
  const q: Square = {
    n,
    values,
    rowBase,
    offset,
    v: new Float64Array(n),
    colOf: new Int32Array(n).fill(-1),
    rowOf: new Int32Array(n).fill(-1),
    free: new Int32Array(n),
    numFree: 0,
    lists: makeLists(n, n, input.listTarget ?? LIST_TARGET),
    best: { u1: Infinity, u2: Infinity, j1: -1, j2: -1 },
  };
  if (input.initialise === false) {
    for (let i = 0; i < n; i++) q.free[i] = i;
    q.numFree = n;
  } else {
    const colMinRow = new Int32Array(n);
    if (!columnReduction(q, colMinRow)) return null;
    reductionTransfer(q, colMinRow);
    if (!augmentingRowReduction(q)) return null;
  }
  if (!augment(q, input.denseSearch === true, input.onProgress)) return null;
  const { colOf, v } = q;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = rowCost(q, i, i32(colOf, i));
  return { colOf, u, v };
}

/** h_ij: the cost of pair (i, j) reduced by the column price. */
function rowCost(q: Square, i: number, j: number): number {
  return q.offset - f64(q.values, i32(q.rowBase, i) + j) - f64(q.v, j);
}

/**
 * v_j = min_i c_ij, scanned row by row (cache friendly; first row on ties, as JV's column scan),
 * and each column's minimum row takes it when free (or when it is cheaper than the one it holds).
 * False when a column has no allowed pair.
 */
function columnReduction(q: Square, colMinRow: Int32Array): boolean {
  const { n, values, rowBase, offset, v, colOf, rowOf } = q;
  v.fill(Infinity);
  colMinRow.fill(-1);
  for (let i = 0; i < n; i++) {
    const base = i32(rowBase, i);
    for (let j = 0; j < n; j++) {
      const c = offset - f64(values, base + j);
      if (c < f64(v, j)) {
        v[j] = c;
        colMinRow[j] = i;
      }
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    const i = i32(colMinRow, j);
    if (i < 0) return false;
    const held = i32(colOf, i);
    if (held < 0) {
      colOf[i] = j;
      rowOf[j] = i;
    } else if (f64(v, j) < f64(v, held)) {
      rowOf[held] = -1;
      colOf[i] = j;
      rowOf[j] = i;
    }
  }
  return true;
}

/**
 * A row that is the minimum of exactly one column passes its slack (its second-best reduced cost,
 * or a lower bound of it, which keeps the duals feasible just as well) to that column's price.
 * Builds those rows' candidate lists on the way. Collects the rows left free.
 */
function reductionTransfer(q: Square, colMinRow: Int32Array): void {
  const { n, values, rowBase, offset, v, colOf, free, lists } = q;
  const won = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = i32(colMinRow, j);
    won[i] = i32(won, i) + 1;
  }
  const { capacity, cols, len, bound } = lists;
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const j1 = i32(colOf, i);
    if (j1 < 0) {
      free[numFree++] = i;
      continue;
    }
    if (won[i] !== 1) continue;
    buildList(lists, i, n, values, i32(rowBase, i), offset, v);
    let min = f64(bound, i);
    const lb = i * capacity;
    const end = lb + i32(len, i);
    for (let t = lb; t < end; t++) {
      const j = i32(cols, t);
      if (j === j1) continue;
      const h = rowCost(q, i, j);
      if (h < min) min = h;
    }
    if (min !== Infinity) v[j1] = f64(v, j1) - min;
  }
  q.numFree = numFree;
}

/**
 * Augmenting row reduction over the free rows (compacted in place), ARR_PASSES passes at most. A
 * row whose bid displaces another re-processes that one at once (a chain); a chain longer than
 * ARR_CHAIN_STEPS, or any step past the total budget, leaves its row to the Dijkstra phase, so a
 * price war (rows outbidding each other by small gaps) costs little and other rows still get
 * their turn. False when a row has no allowed pair.
 */
function augmentingRowReduction(q: Square): boolean {
  const { n, v, colOf, rowOf, free } = q;
  let budget = ARR_STEPS_PER_ROW * n + 1000;
  for (let pass = 0; pass < ARR_PASSES && q.numFree > 0; pass++) {
    let k = 0;
    const previous = q.numFree;
    let numFree = 0;
    let chain = 0;
    let displaced = false;
    while (k < previous) {
      const i = i32(free, k++);
      chain = displaced ? chain + 1 : 0;
      displaced = false;
      if (budget-- <= 0 || chain > ARR_CHAIN_STEPS) {
        free[numFree++] = i;
        continue;
      }
      const best = twoSmallest(q, i);
      if (best.j1 < 0) return false;
      const { u1, u2 } = best;
      let j1 = best.j1;
      let i0 = i32(rowOf, j1);
      if (u1 < u2) {
        // Bid the gap; with a single allowed column any finite drop keeps the duals feasible.
        v[j1] = f64(v, j1) - (u2 === Infinity ? 1 : u2 - u1);
      } else if (i0 >= 0) {
        // A tie: take the second choice at no price change, so equal costs cannot start a war.
        j1 = best.j2;
        i0 = i32(rowOf, j1);
      }
      colOf[i] = j1;
      rowOf[j1] = i;
      if (i0 >= 0) {
        colOf[i0] = -1;
        if (u1 < u2) {
          free[--k] = i0;
          displaced = true;
        } else {
          free[numFree++] = i0;
        }
      }
    }
    q.numFree = numFree;
  }
  return true;
}

/**
 * The two smallest h of row i, into q.best: exact from its list when the second is <= the list's
 * bound, else from the rebuilt list.
 */
function twoSmallest(q: Square, i: number): Square['best'] {
  const { n, values, rowBase, offset, v, lists, best } = q;
  const { capacity, cols, len, bound } = lists;
  const base = i32(rowBase, i);
  if (i32(len, i) < 0) buildList(lists, i, n, values, base, offset, v);
  for (let attempt = 0; attempt < 2; attempt++) {
    let u1 = Infinity;
    let u2 = Infinity;
    let j1 = -1;
    let j2 = -1;
    const lb = i * capacity;
    const end = lb + i32(len, i);
    for (let t = lb; t < end; t++) {
      const j = i32(cols, t);
      const h = offset - f64(values, base + j) - f64(v, j);
      if (h < u2) {
        if (h >= u1) {
          u2 = h;
          j2 = j;
        } else {
          u2 = u1;
          j2 = j1;
          u1 = h;
          j1 = j;
        }
      }
    }
    best.u1 = u1;
    best.u2 = u2;
    best.j1 = j1;
    best.j2 = j2;
    if (u2 <= f64(bound, i)) break;
    buildList(lists, i, n, values, base, offset, v);
  }
  return best;
}

/**
 * The Dijkstra phase's state, allocated once per solve. Heap keys: columns at 0..n-1, row i's event
 * at n + i (`heap.key` doubles as the dense searches' distances).
 */
interface Search extends SparseWork {
  readonly q: Square;
  readonly heap: SearchHeap;
  readonly pred: Int32Array;
  /** Search number in which a column got a key / was popped. */
  readonly seen: Int32Array;
  readonly done: Int32Array;
  /** Per scanned row: distance to column k through it = rowShift + h_ik. */
  readonly rowShift: Float64Array;
  readonly scanned: Int32Array;
  numScanned: number;
  /** Dense searches: the columns not yet scanned. */
  readonly remaining: Int32Array;
  /** The current search's number (1, 2, ...), marks `seen` and `done`. */
  id: number;
}

/**
 * Dijkstra from each free row over the columns: sparse (binary heap, candidate lists; see the file
 * comment) until that stops paying, then dense. False when a search runs out of reachable columns
 * (no perfect matching).
 */
function augment(q: Square, denseFromStart: boolean, onProgress: ((fraction: number) => void) | undefined): boolean {
  const { n, free, numFree } = q;
  const search: Search = {
    q,
    heap: makeHeap(2 * n),
    pred: new Int32Array(n),
    seen: new Int32Array(n),
    done: new Int32Array(n),
    rowShift: new Float64Array(n),
    scanned: new Int32Array(n),
    numScanned: 0,
    remaining: new Int32Array(n),
    fullPasses: 0,
    popped: 0,
    id: 0,
  };
  let dense = denseFromStart;
  const progressStep = Math.max(1, Math.floor(numFree / 100));
  for (let f = 0; f < numFree; f++) {
    if (onProgress !== undefined && f % progressStep === 0) onProgress(f / numFree);
    const row = i32(free, f);
    search.id = f + 1;
    if (!(dense ? denseSearch(search, row) : sparseSearch(search, row))) return false;
    if (!dense && sparseStopsPaying(search)) dense = true;
  }
  if (onProgress !== undefined) onProgress(1);
  return true;
}

/**
 * One sparse search from `freeRow`, then the price update and the augmentation. Reaching column k
 * through a scanned row i costs rowShift[i] + h_ik, where rowShift is (distance of the column that
 * led to i) - h_i,col(i), and 0 for the free row. Every relaxed distance is at least the current
 * frontier (reduced costs are >= 0), so a free column relaxed to the frontier itself ends the
 * search at once (JV's early exit); otherwise the closest column pops, a free one first among
 * equals.
 *
 * Kept apart from shortest-paths.ts's sparseSearch: here a popped column hands on exactly one row
 * and there is no "unmatched" option, so the loop is simpler (and a search can run out of columns).
 */
function sparseSearch(search: Search, freeRow: number): boolean {
  const { q, heap, done, rowShift, scanned } = search;
  const { n, rowOf, lists } = q;
  const { len, bound } = lists;
  const id = search.id;
  let dist = 0;
  let i = freeRow;
  let shift = 0;
  let sink = -1;
  heap.size = 0;
  search.numScanned = 0;
  while (sink < 0) {
    // Scan row i: relax its list, schedule its event.
    if ((len[i] as number) < 0) buildList(lists, i, n, q.values, q.rowBase[i] as number, q.offset, q.v);
    rowShift[i] = shift;
    sink = relaxRow(search, i, dist, false);
    if (sink >= 0) break;
    const rowBound = bound[i] as number;
    if (rowBound !== Infinity) {
      heap.key[n + i] = shift + rowBound;
      heap.rank[n + i] = RANK_EVENT;
      heapUp(heap.items, heap.pos, heap.key, heap.rank, heap.size++, n + i);
    }
    // Pop the closest column, handling the events that come first.
    let j = -1;
    while (heap.size > 0) {
      const x = heap.items[0] as number;
      if (--heap.size > 0) heapDown(heap.items, heap.pos, heap.key, heap.rank, heap.size, heap.items[heap.size] as number);
      if (x < n) {
        j = x;
        break;
      }
      const at = heap.key[x] as number;
      sink = rowEvent(search, x - n, at);
      if (sink >= 0) {
        // The event's distance is the frontier now: the sink's distance.
        dist = at;
        break;
      }
    }
    if (sink >= 0) break;
    if (j < 0) return false;
    search.popped++;
    done[j] = id;
    scanned[search.numScanned++] = j;
    dist = heap.key[j] as number;
    if ((rowOf[j] as number) < 0) {
      sink = j;
      break;
    }
    i = rowOf[j] as number;
    shift = dist - rowCost(q, i, j);
  }
  if (done[sink] !== id) {
    done[sink] = id;
    scanned[search.numScanned++] = sink;
  }
  finishSearch(search, freeRow, sink, dist);
  return true;
}

/**
 * Row r's event came up at distance `at`: columns outside its list may now be the closest. Rebuilds
 * the list (prices may have fallen since), relaxes it and re-schedules the event at the new bound;
 * if the bound did not move past `at`, relaxes every column from r instead. Returns a free column
 * relaxed to `at` (the search ends there), else -1.
 */
function rowEvent(search: Search, r: number, at: number): number {
  const { q, heap } = search;
  const { n, lists } = q;
  const shift = search.rowShift[r] as number;
  buildList(lists, r, n, q.values, q.rowBase[r] as number, q.offset, q.v);
  const next = shift + (lists.bound[r] as number);
  const all = !(next > at);
  search.fullPasses += all ? 2 : 1;
  const sink = relaxRow(search, r, at, all);
  if (sink >= 0) return sink;
  if (!all && next !== Infinity) {
    heap.key[n + r] = next;
    heapUp(heap.items, heap.pos, heap.key, heap.rank, heap.size++, n + r);
  }
  return -1;
}

/**
 * Relaxes from scanned row r (distance to column k = rowShift[r] + h_rk) its list, or every column
 * when `all`. Returns a free column relaxed to `at` or less (the search ends there), else -1.
 *
 * Same loop as shortest-paths.ts's relaxRow but with this solver's h (offset - value - v) and free
 * test (rowOf < 0); kept apart so that each stays monomorphic (a shared loop would need the h and
 * the room test passed in, called per column). Keep it under V8's inlining size limit (see
 * `search-state.ts`).
 */
function relaxRow(search: Search, r: number, at: number, all: boolean): number {
  const { q, heap, seen, done, pred } = search;
  const { n, values, offset, v, rowOf, lists } = q;
  // The heap's arrays and size in locals (and heapUp called directly) in this hot loop; the size
  // goes back at the end (not on an early return: the search ends there and drops the heap).
  const { key, rank, items, pos } = heap;
  let size = heap.size;
  const id = search.id;
  const base = q.rowBase[r] as number;
  const shift = search.rowShift[r] as number;
  const lb = r * lists.capacity;
  const count = all ? n : (lists.len[r] as number);
  const cols = lists.cols;
  for (let t = 0; t < count; t++) {
    const k = all ? t : (cols[lb + t] as number);
    if (done[k] === id) continue;
    const h = offset - (values[base + k] as number) - (v[k] as number);
    if (!(h < Infinity)) continue;
    const d = shift + h;
    if (seen[k] !== id) {
      seen[k] = id;
      key[k] = d;
      pred[k] = r;
      if ((rowOf[k] as number) < 0) {
        if (d <= at) {
          return k;
        }
        rank[k] = RANK_SINK;
      } else {
        rank[k] = RANK_COLUMN;
      }
      heapUp(items, pos, key, rank, size++, k);
    } else if (d < (key[k] as number)) {
      key[k] = d;
      pred[k] = r;
      if (d <= at && (rowOf[k] as number) < 0) {
        return k;
      }
      heapUp(items, pos, key, rank, pos[k] as number, k);
    }
  }
  heap.size = size;
  return -1;
}

/**
 * One dense search from `freeRow` (SciPy's loop): one pass per scanned column both relaxes the
 * remaining columns and finds the next closest, preferring a free column among equally close ones.
 *
 * Kept apart from shortest-paths.ts's dense loop: one row per scanned column, no capacities, no
 * "unmatched" option, and it reads the scores rather than a cost matrix.
 */
function denseSearch(search: Search, freeRow: number): boolean {
  const { q, heap, pred, remaining, scanned } = search;
  const { n, values, rowBase, v, rowOf } = q;
  const d = heap.key;
  d.fill(Infinity, 0, n);
  for (let j = 0; j < n; j++) remaining[j] = j;
  let numRemaining = n;
  let numScanned = 0;
  let dist = 0;
  // Reaching column j through row i costs h - values[i][j] - v[j]; for the free row h = offset.
  let i = freeRow;
  let h = q.offset;
  for (;;) {
    const base = i32(rowBase, i);
    let lowest = Infinity;
    let index = -1;
    let lowestFree = false;
    for (let k = 0; k < numRemaining; k++) {
      const j = i32(remaining, k);
      let dj = f64(d, j);
      const r = h - f64(values, base + j) - f64(v, j);
      if (r < dj) {
        pred[j] = i;
        d[j] = r;
        dj = r;
      }
      if (dj <= lowest) {
        if (dj < lowest) {
          lowest = dj;
          index = k;
          lowestFree = i32(rowOf, j) < 0;
        } else if (!lowestFree && i32(rowOf, j) < 0) {
          index = k;
          lowestFree = true;
        }
      }
    }
    // Nothing reachable left (an unreachable column compares equal to Infinity): no perfect matching.
    if (lowest === Infinity) return false;
    const j = i32(remaining, index);
    remaining[index] = i32(remaining, --numRemaining);
    scanned[numScanned++] = j;
    dist = lowest;
    if (lowestFree) break;
    i = i32(rowOf, j);
    h = dist + f64(values, i32(rowBase, i) + j) + f64(v, j);
  }
  search.numScanned = numScanned;
  finishSearch(search, freeRow, i32(scanned, numScanned - 1), dist);
  return true;
}

/**
 * Prices of the scanned columns fall by (dist - their distance), which makes the path tight and
 * keeps every reduced cost >= 0 (the sink's change is 0; clamped at 0 so a rounding error can never
 * raise a price, which the candidate lists rely on), then the assignment shifts along the path.
 */
function finishSearch(search: Search, freeRow: number, sink: number, dist: number): void {
  const { q, heap, scanned, pred } = search;
  const { v, colOf, rowOf } = q;
  lowerPrices(v, heap.key, scanned, search.numScanned, dist);
  let endOfPath = sink;
  for (;;) {
    const r = i32(pred, endOfPath);
    rowOf[endOfPath] = r;
    const next = i32(colOf, r);
    colOf[r] = endOfPath;
    if (r === freeRow) break;
    endOfPath = next;
  }
}
