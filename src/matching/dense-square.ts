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
 * one-dimensional distances), the phase switches to SciPy's dense search by a rule on counted work.
 *
 * Potentials: on return every allowed pair has c - u - v >= 0 with equality on the assignment.
 * Square LAP duals are only fixed up to a shift (u + d, v - d); the caller shifts them so that
 * v <= 0, which the general certificate needs.
 */
import type { Lists } from './candidate-lists.ts';
import { LIST_TARGET, RANK_COLUMN, RANK_EVENT, RANK_SINK, buildList, heapDown, heapUp, lowerPrices, makeLists } from './candidate-lists.ts';

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

export function solveDenseSquare(input: DenseSquareInput): DenseSquareSolution | null {
  const { n, values, rowBase, offset } = input;
  const colOf = new Int32Array(n).fill(-1);
  const rowOf = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  const free = new Int32Array(n);
  const lists = makeLists(n, n, input.listTarget ?? LIST_TARGET);
  let numFree: number;
  if (input.initialise === false) {
    for (let i = 0; i < n; i++) free[i] = i;
    numFree = n;
  } else {
    const colMinRow = new Int32Array(n);
    if (!columnReduction(n, values, rowBase, offset, v, colMinRow, colOf, rowOf)) return null;
    numFree = reductionTransfer(n, values, rowBase, offset, v, colMinRow, colOf, free, lists);
    numFree = augmentingRowReduction(n, values, rowBase, offset, v, colOf, rowOf, free, numFree, lists);
    if (numFree < 0) return null;
  }
  if (!augment(n, values, rowBase, offset, v, colOf, rowOf, free, numFree, lists, input.denseSearch === true, input.onProgress)) return null;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = colOf[i] as number;
    u[i] = offset - (values[(rowBase[i] as number) + j] as number) - (v[j] as number);
  }
  return { colOf, u, v };
}

/**
 * v_j = min_i c_ij, scanned row by row (cache friendly; first row on ties, as JV's column scan),
 * and each column's minimum row takes it when free (or when it is cheaper than the one it holds).
 * False when a column has no allowed pair.
 */
function columnReduction(
  n: number,
  values: Float64Array,
  rowBase: Int32Array,
  offset: number,
  v: Float64Array,
  colMinRow: Int32Array,
  colOf: Int32Array,
  rowOf: Int32Array,
): boolean {
  v.fill(Infinity);
  colMinRow.fill(-1);
  for (let i = 0; i < n; i++) {
    const base = rowBase[i] as number;
    for (let j = 0; j < n; j++) {
      const c = offset - (values[base + j] as number);
      if (c < (v[j] as number)) {
        v[j] = c;
        colMinRow[j] = i;
      }
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    const i = colMinRow[j] as number;
    if (i < 0) return false;
    const held = colOf[i] as number;
    if (held < 0) {
      colOf[i] = j;
      rowOf[j] = i;
    } else if ((v[j] as number) < (v[held] as number)) {
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
 * Builds those rows' candidate lists on the way. Collects the rows left free; returns how many.
 */
function reductionTransfer(
  n: number,
  values: Float64Array,
  rowBase: Int32Array,
  offset: number,
  v: Float64Array,
  colMinRow: Int32Array,
  colOf: Int32Array,
  free: Int32Array,
  lists: Lists,
): number {
  const won = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = colMinRow[j] as number;
    won[i] = (won[i] as number) + 1;
  }
  const { capacity, cols, len, bound } = lists;
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const j1 = colOf[i] as number;
    if (j1 < 0) {
      free[numFree++] = i;
      continue;
    }
    if (won[i] !== 1) continue;
    const base = rowBase[i] as number;
    buildList(lists, i, n, values, base, offset, v);
    let min = bound[i] as number;
    const lb = i * capacity;
    const end = lb + (len[i] as number);
    for (let t = lb; t < end; t++) {
      const j = cols[t] as number;
      if (j === j1) continue;
      const h = offset - (values[base + j] as number) - (v[j] as number);
      if (h < min) min = h;
    }
    if (min !== Infinity) v[j1] = (v[j1] as number) - min;
  }
  return numFree;
}

/**
 * Augmenting row reduction over the free rows (compacted in place), ARR_PASSES passes at most. A
 * row whose bid displaces another re-processes that one at once (a chain); a chain longer than
 * ARR_CHAIN_STEPS, or any step past the total budget, leaves its row to the Dijkstra phase, so a
 * price war (rows outbidding each other by small gaps) costs little and other rows still get
 * their turn. Returns the number of rows still free, or -1 when a row has no allowed pair.
 */
function augmentingRowReduction(
  n: number,
  values: Float64Array,
  rowBase: Int32Array,
  offset: number,
  v: Float64Array,
  colOf: Int32Array,
  rowOf: Int32Array,
  free: Int32Array,
  initialFree: number,
  lists: Lists,
): number {
  const { capacity, cols, len, bound } = lists;
  let budget = ARR_STEPS_PER_ROW * n + 1000;
  let numFree = initialFree;
  for (let pass = 0; pass < ARR_PASSES && numFree > 0; pass++) {
    let k = 0;
    const previous = numFree;
    numFree = 0;
    let chain = 0;
    let displaced = false;
    while (k < previous) {
      const i = free[k++] as number;
      chain = displaced ? chain + 1 : 0;
      displaced = false;
      if (budget-- <= 0 || chain > ARR_CHAIN_STEPS) {
        free[numFree++] = i;
        continue;
      }
      const base = rowBase[i] as number;
      if ((len[i] as number) < 0) buildList(lists, i, n, values, base, offset, v);
      // The two smallest h of the row: exact from the list when the second is <= its bound,
      // else from the rebuilt list.
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = -1;
      let j2 = -1;
      for (let attempt = 0; attempt < 2; attempt++) {
        u1 = Infinity;
        u2 = Infinity;
        j1 = -1;
        j2 = -1;
        const lb = i * capacity;
        const end = lb + (len[i] as number);
        for (let t = lb; t < end; t++) {
          const j = cols[t] as number;
          const h = offset - (values[base + j] as number) - (v[j] as number);
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
        if (u2 <= (bound[i] as number)) break;
        buildList(lists, i, n, values, base, offset, v);
      }
      if (j1 < 0) return -1;
      let i0 = rowOf[j1] as number;
      if (u1 < u2) {
        // Bid the gap; with a single allowed column any finite drop keeps the duals feasible.
        v[j1] = (v[j1] as number) - (u2 === Infinity ? 1 : u2 - u1);
      } else if (i0 >= 0) {
        // A tie: take the second choice at no price change, so equal costs cannot start a war.
        j1 = j2;
        i0 = rowOf[j1] as number;
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
  }
  return numFree;
}

/**
 * Switch to dense searches for the rest of the phase once the sparse ones have needed more
 * full-row passes (list rebuilds and full relaxations at events) than this share of the columns
 * they scanned, counted after at least SPARSE_MIN_PASSES passes: the lists then do not hold the
 * search (scores with long shortest paths, such as one-dimensional distances), and a dense
 * search costs one pass per scanned column without the heap. Work counts, not time: deterministic.
 */
const SPARSE_MAX_PASS_SHARE = 0.5;
const SPARSE_MIN_PASSES = 64;

/** Arrays of the Dijkstra phase, allocated once. */
interface Search {
  readonly n: number;
  readonly values: Float64Array;
  readonly rowBase: Int32Array;
  readonly offset: number;
  readonly v: Float64Array;
  readonly colOf: Int32Array;
  readonly rowOf: Int32Array;
  readonly lists: Lists;
  /** Column keys (tentative distances) and, at n + i, row i's event. */
  readonly key: Float64Array;
  readonly rank: Uint8Array;
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  readonly pred: Int32Array;
  /** Search number in which a column got a key / was popped. */
  readonly seen: Int32Array;
  readonly done: Int32Array;
  /** Per scanned row: distance to column k through it = rowShift + h_ik. */
  readonly rowShift: Float64Array;
  readonly scanned: Int32Array;
  /** Dense searches: the columns not yet scanned. */
  readonly remaining: Int32Array;
  /** Heap size (handed to and from rowEvent), and the sparse searches' work so far: full-row passes, columns popped. */
  readonly counters: Int32Array;
}

/**
 * Dijkstra from each free row over the columns: sparse (binary heap, candidate lists; see the file
 * comment) until that stops paying, then dense. False when a search runs out of reachable columns
 * (no perfect matching).
 */
function augment(
  n: number,
  values: Float64Array,
  rowBase: Int32Array,
  offset: number,
  v: Float64Array,
  colOf: Int32Array,
  rowOf: Int32Array,
  free: Int32Array,
  numFree: number,
  lists: Lists,
  denseFromStart: boolean,
  onProgress: ((fraction: number) => void) | undefined,
): boolean {
  const s: Search = {
    n,
    values,
    rowBase,
    offset,
    v,
    colOf,
    rowOf,
    lists,
    key: new Float64Array(2 * n),
    rank: new Uint8Array(2 * n),
    heap: new Int32Array(2 * n),
    pos: new Int32Array(2 * n),
    pred: new Int32Array(n),
    seen: new Int32Array(n),
    done: new Int32Array(n),
    rowShift: new Float64Array(n),
    scanned: new Int32Array(n),
    remaining: new Int32Array(n),
    counters: new Int32Array(3),
  };
  const { counters } = s;
  let dense = denseFromStart;
  const progressStep = Math.max(1, Math.floor(numFree / 100));
  for (let f = 0; f < numFree; f++) {
    if (onProgress !== undefined && f % progressStep === 0) onProgress(f / numFree);
    const row = free[f] as number;
    if (!(dense ? denseSearch(s, row) : sparseSearch(s, row, f + 1))) return false;
    const passes = counters[1] as number;
    if (!dense && passes >= SPARSE_MIN_PASSES && passes > SPARSE_MAX_PASS_SHARE * (counters[2] as number)) dense = true;
  }
  if (onProgress !== undefined) onProgress(1);
  return true;
}

/**
 * One sparse search from `freeRow` (search number `search`), then the price update and the
 * augmentation. Reaching column k through a scanned row i costs rowShift[i] + h_ik, where rowShift
 * is (distance of the column that led to i) - h_i,col(i), and 0 for the free row. Every relaxed
 * distance is at least the current frontier (reduced costs are >= 0), so a free column relaxed to
 * the frontier itself ends the search at once (JV's early exit); otherwise the closest column pops,
 * a free one first among equals.
 */
function sparseSearch(s: Search, freeRow: number, search: number): boolean {
  const { n, values, rowBase, offset, v, rowOf, lists, key, rank, heap, pos, done, rowShift, scanned, counters } = s;
  const { len, bound } = lists;
  let size = 0;
  let numScanned = 0;
  let dist = 0;
  let i = freeRow;
  let shift = 0;
  let sink = -1;
  while (sink < 0) {
    // Scan row i: relax its list, schedule its event.
    const base = rowBase[i] as number;
    if ((len[i] as number) < 0) buildList(lists, i, n, values, base, offset, v);
    rowShift[i] = shift;
    counters[0] = size;
    sink = relaxRow(s, i, base, shift, dist, false, search);
    size = counters[0] as number;
    if (sink >= 0) break;
    if ((bound[i] as number) !== Infinity) {
      key[n + i] = shift + (bound[i] as number);
      rank[n + i] = RANK_EVENT;
      heapUp(heap, pos, key, rank, size++, n + i);
    }
    // Pop the closest column, handling the events that come first.
    let j = -1;
    while (size > 0) {
      const x = heap[0] as number;
      if (--size > 0) heapDown(heap, pos, key, rank, size, heap[size] as number);
      if (x < n) {
        j = x;
        break;
      }
      counters[0] = size;
      sink = rowEvent(s, x - n, key[x] as number, search);
      size = counters[0] as number;
      if (sink >= 0) {
        // The event's distance is the frontier now: the sink's distance.
        dist = key[x] as number;
        break;
      }
    }
    if (sink >= 0) break;
    if (j < 0) return false;
    counters[2] = (counters[2] as number) + 1;
    done[j] = search;
    scanned[numScanned++] = j;
    dist = key[j] as number;
    if ((rowOf[j] as number) < 0) {
      sink = j;
      break;
    }
    i = rowOf[j] as number;
    shift = dist - (offset - (values[(rowBase[i] as number) + j] as number) - (v[j] as number));
  }
  if (done[sink] !== search) {
    done[sink] = search;
    scanned[numScanned++] = sink;
  }
  finishSearch(s, freeRow, sink, numScanned, dist);
  return true;
}

/**
 * Row r's event came up at distance `at`: columns outside its list may now be the closest. Rebuilds
 * the list (prices may have fallen since), relaxes it and re-schedules the event at the new bound;
 * if the bound did not move past `at`, relaxes every column from r instead. Returns a free column
 * relaxed to `at` (the search ends there), else -1.
 */
function rowEvent(s: Search, r: number, at: number, search: number): number {
  const { n, values, rowBase, offset, v, lists, key, heap, pos, rank, rowShift, counters } = s;
  const base = rowBase[r] as number;
  const shift = rowShift[r] as number;
  buildList(lists, r, n, values, base, offset, v);
  const next = shift + (lists.bound[r] as number);
  const all = !(next > at);
  counters[1] = (counters[1] as number) + (all ? 2 : 1);
  const sink = relaxRow(s, r, base, shift, at, all, search);
  if (sink >= 0) return sink;
  if (!all && next !== Infinity) {
    let size = counters[0] as number;
    key[n + r] = next;
    heapUp(heap, pos, key, rank, size++, n + r);
    counters[0] = size;
  }
  return -1;
}

/**
 * Relaxes from scanned row r (distance to column k = shift + h_rk) its list, or every column when
 * `all`; the heap size comes and goes in counters[0]. Returns a free column relaxed to `at` or
 * less (the search ends there), else -1. Same loop as shortest-paths.ts's relaxRow but with this
 * solver's h (offset - value - v) and free test (rowOf < 0); kept apart so each stays monomorphic.
 */
function relaxRow(s: Search, r: number, base: number, shift: number, at: number, all: boolean, search: number): number {
  const { n, values, offset, v, rowOf, lists, key, rank, heap, pos, seen, done, pred, counters } = s;
  let size = counters[0] as number;
  const lb = r * lists.capacity;
  const count = all ? n : (lists.len[r] as number);
  const cols = lists.cols;
  for (let t = 0; t < count; t++) {
    const k = all ? t : (cols[lb + t] as number);
    if (done[k] === search) continue;
    const h = offset - (values[base + k] as number) - (v[k] as number);
    if (!(h < Infinity)) continue;
    const d = shift + h;
    if (seen[k] !== search) {
      seen[k] = search;
      key[k] = d;
      pred[k] = r;
      if ((rowOf[k] as number) < 0) {
        if (d <= at) return k;
        rank[k] = RANK_SINK;
      } else {
        rank[k] = RANK_COLUMN;
      }
      heapUp(heap, pos, key, rank, size++, k);
    } else if (d < (key[k] as number)) {
      key[k] = d;
      pred[k] = r;
      if (d <= at && (rowOf[k] as number) < 0) return k;
      heapUp(heap, pos, key, rank, pos[k] as number, k);
    }
  }
  counters[0] = size;
  return -1;
}

/**
 * One dense search from `freeRow` (SciPy's loop): one pass per scanned column both relaxes the
 * remaining columns and finds the next closest, preferring a free column among equally close ones.
 */
function denseSearch(s: Search, freeRow: number): boolean {
  const { n, values, rowBase, offset, v, rowOf, key: d, pred, remaining, scanned } = s;
  d.fill(Infinity, 0, n);
  for (let j = 0; j < n; j++) remaining[j] = j;
  let numRemaining = n;
  let numScanned = 0;
  let dist = 0;
  // Reaching column j through row i costs h - values[i][j] - v[j]; for the free row h = offset.
  let i = freeRow;
  let h = offset;
  for (;;) {
    const base = rowBase[i] as number;
    let lowest = Infinity;
    let index = -1;
    let lowestFree = false;
    for (let k = 0; k < numRemaining; k++) {
      const j = remaining[k] as number;
      let dj = d[j] as number;
      const r = h - (values[base + j] as number) - (v[j] as number);
      if (r < dj) {
        pred[j] = i;
        d[j] = r;
        dj = r;
      }
      if (dj <= lowest) {
        if (dj < lowest) {
          lowest = dj;
          index = k;
          lowestFree = (rowOf[j] as number) < 0;
        } else if (!lowestFree && (rowOf[j] as number) < 0) {
          index = k;
          lowestFree = true;
        }
      }
    }
    // Nothing reachable left (an unreachable column compares equal to Infinity): no perfect matching.
    if (lowest === Infinity) return false;
    const j = remaining[index] as number;
    remaining[index] = remaining[--numRemaining] as number;
    scanned[numScanned++] = j;
    dist = lowest;
    if (lowestFree) break;
    i = rowOf[j] as number;
    h = dist + (values[(rowBase[i] as number) + j] as number) + (v[j] as number);
  }
  finishSearch(s, freeRow, scanned[numScanned - 1] as number, numScanned, dist);
  return true;
}

/**
 * Prices of the scanned columns fall by (dist - their distance), which makes the path tight and
 * keeps every reduced cost >= 0 (the sink's change is 0; clamped at 0 so a rounding error can never
 * raise a price, which the candidate lists rely on), then the assignment shifts along the path.
 */
function finishSearch(s: Search, freeRow: number, sink: number, numScanned: number, dist: number): void {
  const { v, key, scanned, pred, colOf, rowOf } = s;
  lowerPrices(v, key, scanned, numScanned, dist);
  let endOfPath = sink;
  for (;;) {
    const r = pred[endOfPath] as number;
    rowOf[endOfPath] = r;
    const next = colOf[r] as number;
    colOf[r] = endOfPath;
    if (r === freeRow) break;
    endOfPath = next;
  }
}
