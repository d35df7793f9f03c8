/**
 * Exact min-cost assignment of rows (mentees) to capacitated columns (mentors), where every row
 * may instead stay unmatched at a fixed cost. Pure numeric core: no validation, no scores.
 *
 * It is successive shortest augmenting paths with potentials (Crouse's rectangular variant of
 * Jonker–Volgenant, as in SciPy's linear_sum_assignment), with three changes:
 *
 *  1. A mentor is one node with a capacity, not k copied columns. Every mentee assigned to a mentor
 *     is tight against the same column potential, so when Dijkstra reaches a full mentor it reaches
 *     all of that mentor's mentees at the same distance. A row scan costs O(cols), not O(slots).
 *  2. "Unmatched" is an implicit column of unlimited capacity and potential 0 that every row can
 *     reach at `unmatchedCost`, so each inserted row always succeeds — either by lengthening the
 *     matching or by displacing the mentee for whom staying unmatched is cheapest.
 *  3. Before the Dijkstra phase, Jonker–Volgenant's augmenting row reduction (an auction-like
 *     pass) places most rows in O(cols) each. It only touches single-place mentors, for which
 *     lowering the price keeps every other row's potential valid.
 *  4. The searches are sparse: a binary heap over the columns, and a scanned row relaxes only its
 *     candidate list (its cheapest columns, with a bound on the rest; `candidate-lists.ts`), with
 *     an event where the rest could start to matter. Column prices only fall (ARR bids and the
 *     price update below), which keeps the lists' bounds valid. If the lists stop holding the
 *     searches (counted work, not time), the rest of the phase uses the dense loop.
 *
 * Invariants (complementary slackness, checked by verifyOptimality): reduced costs
 * c[i][j] - u[i] - v[j] >= 0, equal to 0 on assigned pairs; u[i] <= unmatchedCost, equal for
 * unmatched rows; v[j] <= 0, and v[j] < 0 only when column j is full.
 */

import type { Lists } from './candidate-lists.ts';
import { LIST_TARGET, RANK_COLUMN, RANK_EVENT, RANK_SINK, buildCostList, heapDown, heapUp, lowerPrices, makeLists } from './candidate-lists.ts';

/** colOf value for a row not yet placed. */
const PENDING = -2;
/** colOf value for a row that is (for now) unmatched. */
export const UNMATCHED = -1;

export interface CoreProblem {
  /** Rows to place. */
  readonly n: number;
  /** Columns. */
  readonly m: number;
  /** Cost rows of m entries, +Infinity for forbidden pairs. Lower is better. */
  readonly cost: Float64Array;
  /**
   * Which cost row each of the n rows uses (default: row r uses cost row r). Lets several rows
   * share one cost row — the places of one mentor when the problem is solved transposed.
   */
  readonly rowSource?: Int32Array;
  /** Places per column. */
  readonly capacity: Int32Array;
  /** Cost of leaving a row unmatched (finite). */
  readonly unmatchedCost: number;
  readonly onProgress?: ((fraction: number) => void) | undefined;
  /** Run the row-reduction warm start (default true; tests switch it off to test Dijkstra alone). */
  readonly rowReduction?: boolean;
  /** Candidate-list target length (default LIST_TARGET; tests use tiny ones to exercise rebuilds). */
  readonly listTarget?: number | undefined;
  /** Dense Dijkstra searches from the start instead of sparse ones first (tests). */
  readonly denseSearch?: boolean | undefined;
}

export interface CoreSolution {
  /** Per row: column, or UNMATCHED. */
  readonly colOf: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/** Mutable state shared by the phases. Slots of column j are slotRow[start[j] .. start[j]+fill[j]). */
interface State {
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

export function solveCore(problem: CoreProblem): CoreSolution {
  const { n, m, capacity } = problem;
  const start = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) start[j + 1] = (start[j] as number) + (capacity[j] as number);
  const rowBase = new Int32Array(n);
  for (let r = 0; r < n; r++) rowBase[r] = (problem.rowSource === undefined ? r : (problem.rowSource[r] as number)) * m;
  const state: State = {
    n,
    m,
    cost: problem.cost,
    rowBase,
    capacity,
    unmatchedCost: problem.unmatchedCost,
    start,
    fill: new Int32Array(m),
    slotRow: new Int32Array(start[m] as number),
    colOf: new Int32Array(n).fill(PENDING),
    slotOf: new Int32Array(n).fill(-1),
    u: new Float64Array(n),
    v: new Float64Array(m),
  };
  const pending = problem.rowReduction === false ? Int32Array.from({ length: n }, (_, i) => i) : augmentingRowReduction(state);
  shortestPathPhase(state, pending, problem.onProgress, problem.listTarget ?? LIST_TARGET, problem.denseSearch === true);
  return { colOf: state.colOf, u: state.u, v: state.v };
}

function place(s: State, i: number, j: number): void {
  const slot = (s.start[j] as number) + (s.fill[j] as number);
  s.fill[j] = (s.fill[j] as number) + 1;
  s.slotRow[slot] = i;
  s.colOf[i] = j;
  s.slotOf[i] = slot;
}

/**
 * JV's augmenting row reduction, two passes, with a step budget so tie-heavy instances cannot
 * start a long price war (whatever is left goes to the exact Dijkstra phase anyway).
 * Returns the rows still pending, in ascending order.
 */
function augmentingRowReduction(s: State): Int32Array {
  const { n, m, cost, rowBase, capacity, fill, start, slotRow, colOf, v, unmatchedCost } = s;
  const rowPotential = s.u;
  let queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  let queueLength = n;
  const deferred: number[] = [];
  let budget = 4 * n + 1000;

  for (let pass = 0; pass < 2; pass++) {
    const next = new Int32Array(n);
    let nextLength = 0;
    let k = 0;
    while (k < queueLength) {
      const i = queue[k++] as number;
      if (budget-- <= 0) {
        deferred.push(i);
        continue;
      }
      // Best and second-best reduced cost over the columns and the "unmatched" option (-1).
      // Ties prefer a real column (more matched) and, among columns, the first one.
      let u1 = unmatchedCost;
      let j1 = -1;
      let u2 = Infinity;
      let j2 = -1;
      const base = rowBase[i] as number;
      for (let j = 0; j < m; j++) {
        const h = (cost[base + j] as number) - (v[j] as number);
        if (h < u2) {
          if (h < u1 || (h === u1 && j1 === -1)) {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = j;
          } else {
            u2 = h;
            j2 = j;
          }
        }
      }
      if (j1 === -1) {
        colOf[i] = UNMATCHED;
        rowPotential[i] = unmatchedCost;
        continue;
      }
      if ((fill[j1] as number) < (capacity[j1] as number)) {
        if (capacity[j1] === 1 && u1 < u2) v[j1] = (v[j1] as number) - (u2 - u1);
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
        v[j1] = (v[j1] as number) - (u2 - u1);
        const slot = start[j1] as number;
        const evicted = slotRow[slot] as number;
        slotRow[slot] = i;
        colOf[i] = j1;
        s.slotOf[i] = slot;
        colOf[evicted] = PENDING;
        queue[--k] = evicted;
        continue;
      }
      // A tie: take the second choice instead, without a price change.
      if (j2 === -1) {
        colOf[i] = UNMATCHED;
        rowPotential[i] = unmatchedCost;
      } else if ((fill[j2] as number) < (capacity[j2] as number)) {
        place(s, i, j2);
      } else if (capacity[j2] === 1) {
        const slot = start[j2] as number;
        const evicted = slotRow[slot] as number;
        slotRow[slot] = i;
        colOf[i] = j2;
        s.slotOf[i] = slot;
        colOf[evicted] = PENDING;
        next[nextLength++] = evicted;
      } else {
        deferred.push(i);
      }
    }
    queue = next;
    queueLength = nextLength;
  }
  for (let k = 0; k < queueLength; k++) deferred.push(queue[k] as number);

  // Potentials of placed rows follow from tightness on their pair.
  for (let i = 0; i < n; i++) {
    const j = colOf[i] as number;
    if (j >= 0) rowPotential[i] = (cost[(rowBase[i] as number) + j] as number) - (v[j] as number);
    else if (j === PENDING) rowPotential[i] = 0;
  }
  const pending = Int32Array.from(deferred);
  pending.sort();
  return pending;
}

/**
 * Switch to dense searches for the rest of the phase once the sparse ones have needed more
 * full-row passes (list rebuilds and full relaxations at events) than this share of the columns
 * they scanned, counted after at least SPARSE_MIN_PASSES passes: the lists then do not hold the
 * searches, and a dense search costs one pass per scanned row without the heap. Work counts, not
 * time: deterministic.
 */
const SPARSE_MAX_PASS_SHARE = 0.5;
const SPARSE_MIN_PASSES = 64;

/** The Dijkstra phase's arrays, allocated once. Column keys at 0..m-1, row r's event at m + r. */
interface Search {
  readonly s: State;
  readonly lists: Lists;
  /** Per row: its list (its cost row, shared by the places of one mentor when transposed). */
  readonly listOf: Int32Array;
  readonly key: Float64Array;
  readonly rank: Uint8Array;
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  readonly pathRow: Int32Array;
  /** Search number in which a column got a key / was popped. */
  readonly seen: Int32Array;
  readonly done: Int32Array;
  /** Per scanned row: the distance at which it was reached. */
  readonly rowDist: Float64Array;
  readonly scannedRows: Int32Array;
  readonly scannedCols: Int32Array;
  /** Dense searches: the columns not yet scanned. */
  readonly remaining: Int32Array;
  /** Heap size (handed to and from rowEvent), and the sparse searches' work so far: full-row passes, columns popped. */
  readonly counters: Int32Array;
}

/** How a search ended: the column with room it reached (>= 0), or the row to leave unmatched. */
interface SearchEnd {
  sink: number;
  unmatchedRow: number;
  /** Distance of the best "unmatched" option so far (during the search). */
  unmatchedBest: number;
  numScannedRows: number;
  numScannedCols: number;
  minVal: number;
}

/**
 * Dijkstra from each pending row over the column nodes: sparse (binary heap, candidate lists; see
 * `candidate-lists.ts`) until that stops paying, then dense (Crouse's loop). Then potentials and
 * the augmentation.
 */
function shortestPathPhase(
  s: State,
  pending: Int32Array,
  onProgress: ((fraction: number) => void) | undefined,
  listTarget: number,
  denseFromStart: boolean,
): void {
  const { n, m, cost, rowBase, fill, start, slotRow, colOf, slotOf, u, v } = s;
  const listOf = new Int32Array(n);
  for (let r = 0; r < n; r++) listOf[r] = (rowBase[r] as number) / m;
  const search: Search = {
    s,
    lists: makeLists(m === 0 ? 0 : cost.length / m, m, listTarget),
    listOf,
    key: new Float64Array(m + n),
    rank: new Uint8Array(m + n),
    heap: new Int32Array(m + n),
    pos: new Int32Array(m + n),
    pathRow: new Int32Array(m),
    seen: new Int32Array(m),
    done: new Int32Array(m),
    rowDist: new Float64Array(n),
    scannedRows: new Int32Array(n),
    scannedCols: new Int32Array(m),
    remaining: new Int32Array(m),
    counters: new Int32Array(3),
  };
  const { key, pathRow, rowDist, scannedRows, scannedCols, counters } = search;
  const end: SearchEnd = { sink: -1, unmatchedRow: -1, unmatchedBest: Infinity, numScannedRows: 0, numScannedCols: 0, minVal: 0 };
  let dense = denseFromStart || m === 0;
  const total = pending.length;
  const progressStep = Math.max(1, Math.floor(total / 100));

  for (let p = 0; p < total; p++) {
    if (onProgress !== undefined && p % progressStep === 0) onProgress(p / total);
    const cur = pending[p] as number;
    if (dense) denseSearch(search, cur, end);
    else sparseSearch(search, cur, p + 1, end);
    const passes = counters[1] as number;
    if (!dense && passes >= SPARSE_MIN_PASSES && passes > SPARSE_MAX_PASS_SHARE * (counters[2] as number)) dense = true;
    const { sink, numScannedRows, numScannedCols, minVal } = end;

    // Update potentials so reduced costs stay >= 0 and the new path is tight (prices never rise:
    // a rounding error is clamped, which the candidate lists rely on).
    for (let t = 0; t < numScannedRows; t++) {
      const r = scannedRows[t] as number;
      u[r] = (u[r] as number) + minVal - (rowDist[r] as number);
    }
    lowerPrices(v, key, scannedCols, numScannedCols, minVal);

    // Augment: walk back from the sink, shifting each row into the place its successor left.
    let j: number;
    let slot: number;
    if (sink >= 0) {
      j = sink;
      slot = (start[j] as number) + (fill[j] as number);
      fill[j] = (fill[j] as number) + 1;
    } else {
      const r = end.unmatchedRow;
      if (r === cur) {
        colOf[cur] = UNMATCHED;
        continue;
      }
      j = colOf[r] as number;
      slot = slotOf[r] as number;
      colOf[r] = UNMATCHED;
      slotOf[r] = -1;
    }
    for (;;) {
      const i = pathRow[j] as number;
      const prevCol = colOf[i] as number;
      const prevSlot = slotOf[i] as number;
      colOf[i] = j;
      slotOf[i] = slot;
      slotRow[slot] = i;
      if (i === cur) break;
      j = prevCol;
      slot = prevSlot;
    }
  }
  if (onProgress !== undefined) onProgress(1);
}

/**
 * One sparse search from the pending row `cur` (search number `search`). Row r reached at distance
 * minVal reaches column k at minVal - u[r] + h_rk (h = cost - v) and "unmatched" at
 * minVal - u[r] + unmatchedCost. Columns pop in distance order, one with room first among equals;
 * staying unmatched wins only when strictly closer than anything left (ties go to matching more).
 * Beyond the first row every reduced cost is >= 0, so a column with room relaxed to the current
 * distance ends the search at once.
 */
function sparseSearch(search: Search, cur: number, number: number, end: SearchEnd): void {
  const { s, lists, listOf, key, rank, heap, pos, done, scannedCols, counters } = search;
  const { m, cost, rowBase, capacity, fill, start, slotRow, v } = s;
  const { len, bound } = lists;
  let size = 0;
  let numScannedCols = 0;
  let minVal = 0;
  let sink = -1;
  startSearch(end);
  // Rows to scan at distance minVal: [cur] first, then the mentees of the last column popped.
  let firstSlot = 0;
  let lastSlot = 0;
  let single = cur;
  let frontier = -Infinity;
  scan: for (;;) {
    const count = single >= 0 ? 1 : lastSlot - firstSlot;
    for (let t = 0; t < count; t++) {
      const r = single >= 0 ? single : (slotRow[firstSlot + t] as number);
      const hr = enterRow(search, end, r, minVal);
      const li = listOf[r] as number;
      const base = rowBase[r] as number;
      if ((len[li] as number) < 0) buildCostList(lists, li, m, cost, base, v);
      counters[0] = size;
      sink = relaxRow(search, r, li, base, hr, frontier, false, number);
      size = counters[0] as number;
      if (sink >= 0) break scan;
      if ((bound[li] as number) !== Infinity) {
        key[m + r] = hr + (bound[li] as number);
        rank[m + r] = RANK_EVENT;
        heapUp(heap, pos, key, rank, size++, m + r);
      }
    }
    // Next: the closest column (handling the events that come first), or unmatched.
    for (;;) {
      if (size === 0 || end.unmatchedBest < (key[heap[0] as number] as number)) {
        minVal = end.unmatchedBest;
        break scan;
      }
      const x = heap[0] as number;
      if (--size > 0) heapDown(heap, pos, key, rank, size, heap[size] as number);
      if (x >= m) {
        counters[0] = size;
        sink = rowEvent(search, x - m, key[x] as number, number);
        size = counters[0] as number;
        if (sink >= 0) {
          minVal = key[x] as number;
          break scan;
        }
        continue;
      }
      counters[2] = (counters[2] as number) + 1;
      done[x] = number;
      scannedCols[numScannedCols++] = x;
      minVal = key[x] as number;
      frontier = minVal;
      if ((fill[x] as number) < (capacity[x] as number)) {
        sink = x;
        break scan;
      }
      single = -1;
      firstSlot = start[x] as number;
      lastSlot = firstSlot + (fill[x] as number);
      break;
    }
  }
  if (sink >= 0 && done[sink] !== number) {
    done[sink] = number;
    scannedCols[numScannedCols++] = sink;
  }
  end.sink = sink;
  end.numScannedCols = numScannedCols;
  end.minVal = minVal;
}

/** Resets the per-search fields of `end`. */
function startSearch(end: SearchEnd): void {
  end.unmatchedBest = Infinity;
  end.unmatchedRow = -1;
  end.numScannedRows = 0;
}

/**
 * Scans row r at distance minVal: records it, offers its "unmatched" option (minVal - u[r] +
 * unmatchedCost); returns minVal - u[r], its distance offset to the columns.
 */
function enterRow(search: Search, end: SearchEnd, r: number, minVal: number): number {
  const { u, unmatchedCost } = search.s;
  search.rowDist[r] = minVal;
  search.scannedRows[end.numScannedRows++] = r;
  const hr = minVal - (u[r] as number);
  const viaUnmatched = hr + unmatchedCost;
  if (viaUnmatched < end.unmatchedBest) {
    end.unmatchedBest = viaUnmatched;
    end.unmatchedRow = r;
  }
  return hr;
}

/**
 * Row r's event came up at distance `at`: columns outside its list may now be the closest. If its
 * list was rebuilt since r was scanned (lists are shared by the places of a mentor) and the new
 * bound lies beyond `at`, relaxes that list and re-schedules; else rebuilds the list, relaxes it
 * and re-schedules the event at the new bound, or, if that does not move past `at`, relaxes every
 * column from r. Returns a column with room relaxed to `at` (the search ends there), else -1.
 */
function rowEvent(search: Search, r: number, at: number, number: number): number {
  const { s, lists, listOf, key, rank, heap, pos, rowDist, counters } = search;
  const { m, cost, rowBase, u, v } = s;
  const li = listOf[r] as number;
  const base = rowBase[r] as number;
  const hr = (rowDist[r] as number) - (u[r] as number);
  if (!(hr + (lists.bound[li] as number) > at)) {
    buildCostList(lists, li, m, cost, base, v);
    counters[1] = (counters[1] as number) + 1;
  }
  const next = hr + (lists.bound[li] as number);
  const all = !(next > at);
  if (all) counters[1] = (counters[1] as number) + 1;
  const sink = relaxRow(search, r, li, base, hr, at, all, number);
  if (sink >= 0) return sink;
  if (!all && next !== Infinity) {
    let size = counters[0] as number;
    key[m + r] = next;
    heapUp(heap, pos, key, rank, size++, m + r);
    counters[0] = size;
  }
  return -1;
}

/**
 * Relaxes from scanned row r (distance to column k = hr + h_rk) its list `li`, or every column when
 * `all`; the heap size comes and goes in counters[0]. Returns a column with room relaxed to `at` or
 * less (the search ends there), else -1. Same loop as dense-square.ts's relaxRow but with this
 * solver's h (cost - v) and room test (fill < capacity); kept apart so each stays monomorphic.
 */
function relaxRow(search: Search, r: number, li: number, base: number, hr: number, at: number, all: boolean, number: number): number {
  const { s, lists, key, rank, heap, pos, pathRow, seen, done, counters } = search;
  const { m, cost, capacity, fill, v } = s;
  let size = counters[0] as number;
  const lb = li * lists.capacity;
  const count = all ? m : (lists.len[li] as number);
  const cols = lists.cols;
  for (let t = 0; t < count; t++) {
    const k = all ? t : (cols[lb + t] as number);
    if (done[k] === number) continue;
    const h = (cost[base + k] as number) - (v[k] as number);
    if (!(h < Infinity)) continue;
    const d = hr + h;
    if (seen[k] !== number) {
      seen[k] = number;
      key[k] = d;
      pathRow[k] = r;
      if ((fill[k] as number) < (capacity[k] as number)) {
        if (d <= at) return k;
        rank[k] = RANK_SINK;
      } else {
        rank[k] = RANK_COLUMN;
      }
      heapUp(heap, pos, key, rank, size++, k);
    } else if (d < (key[k] as number)) {
      key[k] = d;
      pathRow[k] = r;
      if (d <= at && (fill[k] as number) < (capacity[k] as number)) return k;
      heapUp(heap, pos, key, rank, pos[k] as number, k);
    }
  }
  counters[0] = size;
  return -1;
}

/**
 * One dense search from the pending row `cur` (Crouse's loop): every scanned row relaxes all
 * remaining columns, and the last row at a distance also finds the next closest column in the
 * same sweep, preferring one with room among equals.
 */
function denseSearch(search: Search, cur: number, end: SearchEnd): void {
  const { s, key: dist, pathRow, remaining, scannedCols } = search;
  const { m, cost, rowBase, capacity, fill, start, slotRow, v } = s;
  dist.fill(Infinity, 0, m);
  for (let j = 0; j < m; j++) remaining[j] = j;
  let numRemaining = m;
  let numScannedCols = 0;
  let minVal = 0;
  let sink = -1;
  startSearch(end);
  // Rows to scan at distance minVal: either [cur] or the mentees of the last column reached.
  let firstSlot = 0;
  let lastSlot = 0;
  let single = cur;

  for (;;) {
    let lowest = Infinity;
    let index = -1;
    const count = single >= 0 ? 1 : lastSlot - firstSlot;
    for (let t = 0; t < count; t++) {
      const r = single >= 0 ? single : (slotRow[firstSlot + t] as number);
      const h = enterRow(search, end, r, minVal);
      const base = rowBase[r] as number;
      if (t < count - 1) {
        for (let it = 0; it < numRemaining; it++) {
          const j = remaining[it] as number;
          const d = h + (cost[base + j] as number) - (v[j] as number);
          if (d < (dist[j] as number)) {
            dist[j] = d;
            pathRow[j] = r;
          }
        }
      } else {
        // Last row at this distance: relax and find the closest column in the same sweep.
        // Among equally close columns prefer one with room left, which ends the search.
        for (let it = 0; it < numRemaining; it++) {
          const j = remaining[it] as number;
          let d = dist[j] as number;
          const dNew = h + (cost[base + j] as number) - (v[j] as number);
          if (dNew < d) {
            dist[j] = dNew;
            pathRow[j] = r;
            d = dNew;
          }
          if (d < lowest || (d === lowest && (fill[j] as number) < (capacity[j] as number))) {
            lowest = d;
            index = it;
          }
        }
      }
    }
    if (count === 0) {
      // A column with capacity 0 reached: nothing to scan, just pick the next closest.
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it] as number;
        const d = dist[j] as number;
        if (d < lowest || (d === lowest && (fill[j] as number) < (capacity[j] as number))) {
          lowest = d;
          index = it;
        }
      }
    }
    // Staying unmatched wins only when strictly cheaper: ties go to matching more people.
    if (end.unmatchedBest < lowest || index < 0) {
      minVal = end.unmatchedBest;
      break;
    }
    const j = remaining[index] as number;
    remaining[index] = remaining[--numRemaining] as number;
    scannedCols[numScannedCols++] = j;
    minVal = lowest;
    if ((fill[j] as number) < (capacity[j] as number)) {
      sink = j;
      break;
    }
    single = -1;
    firstSlot = start[j] as number;
    lastSlot = firstSlot + (fill[j] as number);
  }
  end.sink = sink;
  end.numScannedCols = numScannedCols;
  end.minVal = minVal;
}
