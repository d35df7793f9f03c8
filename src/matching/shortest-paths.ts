/**
 * Exact min-cost assignment of rows (mentees) to capacitated columns (mentors), where every row
 * may instead stay unmatched at a fixed cost. Pure numeric core: no validation, no scores.
 *
 * It is successive shortest augmenting paths with potentials (Crouse's rectangular variant of
 * Jonker–Volgenant, as in SciPy's linear_sum_assignment), with four changes:
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
import {
  LIST_TARGET,
  RANK_COLUMN,
  RANK_EVENT,
  RANK_SINK,
  buildCostList,
  heapDown,
  heapUp,
  lowerPrices,
  makeLists,
} from './candidate-lists.ts';
import type { SearchHeap, SparseWork } from './search-state.ts';
import { f64, i32, makeHeap, sparseStopsPaying } from './search-state.ts';

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

/** One solve's problem, assignment and potentials. Slots of column j are slotRow[start[j] .. start[j]+fill[j]). */
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
  const { n, m, capacity, rowSource } = problem;
  const start = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) start[j + 1] = i32(start, j) + i32(capacity, j);
  const rowBase = new Int32Array(n);
  for (let r = 0; r < n; r++) rowBase[r] = (rowSource === undefined ? r : i32(rowSource, r)) * m;
  const state: State = {
    n,
    m,
    cost: problem.cost,
    rowBase,
    capacity,
    unmatchedCost: problem.unmatchedCost,
    start,
    fill: new Int32Array(m),
    slotRow: new Int32Array(i32(start, m)),
    colOf: new Int32Array(n).fill(PENDING),
    slotOf: new Int32Array(n).fill(-1),
    u: new Float64Array(n),
    v: new Float64Array(m),
  };
  const pending = problem.rowReduction === false ? Int32Array.from({ length: n }, (_, i) => i) : augmentingRowReduction(state);
  shortestPathPhase(state, pending, problem.onProgress, problem.listTarget ?? LIST_TARGET, problem.denseSearch === true);
  return { colOf: state.colOf, u: state.u, v: state.v };
}

function hasRoom(s: State, j: number): boolean {
  return i32(s.fill, j) < i32(s.capacity, j);
}

function place(s: State, i: number, j: number): void {
  const slot = i32(s.start, j) + i32(s.fill, j);
  s.fill[j] = i32(s.fill, j) + 1;
  s.slotRow[slot] = i;
  s.colOf[i] = j;
  s.slotOf[i] = slot;
}

/** Row i takes the single place of full column j; returns the row it evicts (now PENDING). */
function evict(s: State, i: number, j: number): number {
  const slot = i32(s.start, j);
  const evicted = i32(s.slotRow, slot);
  s.slotRow[slot] = i;
  s.colOf[i] = j;
  s.slotOf[i] = slot;
  s.colOf[evicted] = PENDING;
  return evicted;
}

/**
 * JV's augmenting row reduction, two passes, with a step budget so tie-heavy instances cannot
 * start a long price war (whatever is left goes to the exact Dijkstra phase anyway).
 * Returns the rows still pending, in ascending order.
 */
function augmentingRowReduction(s: State): Int32Array {
  const { n, m, cost, rowBase, capacity, colOf, v, u, unmatchedCost } = s;
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
      const i = i32(queue, k++);
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
      const base = i32(rowBase, i);
      for (let j = 0; j < m; j++) {
        const h = f64(cost, base + j) - f64(v, j);
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
        u[i] = unmatchedCost;
        continue;
      }
      if (hasRoom(s, j1)) {
        if (capacity[j1] === 1 && u1 < u2) v[j1] = f64(v, j1) - (u2 - u1);
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

/**
 * The Dijkstra phase's state, allocated once per solve, and the current search's result. Heap keys:
 * columns at 0..m-1, row r's event at m + r (`heap.key` doubles as the dense searches' distances).
 */
interface Search extends SparseWork {
  readonly s: State;
  readonly lists: Lists;
  /** Per row: its list (its cost row, shared by the places of one mentor when transposed). */
  readonly listOf: Int32Array;
  readonly heap: SearchHeap;
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
  /** The current search's number (1, 2, ...), marks `seen` and `done`. */
  id: number;
  /** How it ended: the column with room it reached (>= 0), or -1 and the row to leave unmatched. */
  sink: number;
  unmatchedRow: number;
  /** Distance of the best "unmatched" option so far (during the search). */
  unmatchedBest: number;
  numScannedRows: number;
  numScannedCols: number;
  /** The search's final distance. */
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
  const { n, m, cost, rowBase, u, v } = s;
  const listOf = new Int32Array(n);
  for (let r = 0; r < n; r++) listOf[r] = i32(rowBase, r) / m;
  const search: Search = {
    s,
    lists: makeLists(m === 0 ? 0 : cost.length / m, m, listTarget),
    listOf,
    heap: makeHeap(m + n),
    pathRow: new Int32Array(m),
    seen: new Int32Array(m),
    done: new Int32Array(m),
    rowDist: new Float64Array(n),
    scannedRows: new Int32Array(n),
    scannedCols: new Int32Array(m),
    remaining: new Int32Array(m),
    fullPasses: 0,
    popped: 0,
    id: 0,
    sink: -1,
    unmatchedRow: -1,
    unmatchedBest: Infinity,
    numScannedRows: 0,
    numScannedCols: 0,
    minVal: 0,
  };
  const { rowDist, scannedRows } = search;
  let dense = denseFromStart || m === 0;
  const total = pending.length;
  const progressStep = Math.max(1, Math.floor(total / 100));

  for (let p = 0; p < total; p++) {
    if (onProgress !== undefined && p % progressStep === 0) onProgress(p / total);
    const cur = i32(pending, p);
    search.id = p + 1;
    if (dense) denseSearch(search, cur);
    else sparseSearch(search, cur);
    if (!dense && sparseStopsPaying(search)) dense = true;
    const { numScannedRows, minVal } = search;

    // Update potentials so reduced costs stay >= 0 and the new path is tight (prices never rise:
    // a rounding error is clamped, which the candidate lists rely on).
    for (let t = 0; t < numScannedRows; t++) {
      const r = i32(scannedRows, t);
      u[r] = f64(u, r) + minVal - f64(rowDist, r);
    }
    lowerPrices(v, search.heap.key, search.scannedCols, search.numScannedCols, minVal);
    augmentPath(search, cur);
  }
  if (onProgress !== undefined) onProgress(1);
}

/**
 * Walks back from where the search from row `cur` ended (a column with room, or the row left
 * unmatched), shifting each row of the path into the place its successor left.
 */
function augmentPath(search: Search, cur: number): void {
  const { s, pathRow } = search;
  const { start, fill, slotRow, colOf, slotOf } = s;
  let j: number;
  let slot: number;
  if (search.sink >= 0) {
    j = search.sink;
    slot = i32(start, j) + i32(fill, j);
    fill[j] = i32(fill, j) + 1;
  } else {
    const r = search.unmatchedRow;
    if (r === cur) {
      colOf[cur] = UNMATCHED;
      return;
    }
    j = i32(colOf, r);
    slot = i32(slotOf, r);
    colOf[r] = UNMATCHED;
    slotOf[r] = -1;
  }
  for (;;) {
    const i = i32(pathRow, j);
    const prevCol = i32(colOf, i);
    const prevSlot = i32(slotOf, i);
    colOf[i] = j;
    slotOf[i] = slot;
    slotRow[slot] = i;
    if (i === cur) break;
    j = prevCol;
    slot = prevSlot;
  }
}

/** Resets the current search's result fields. */
function startSearch(search: Search): void {
  search.unmatchedBest = Infinity;
  search.unmatchedRow = -1;
  search.numScannedRows = 0;
  search.numScannedCols = 0;
  search.sink = -1;
}

/**
 * Scans row r at distance minVal: records it, offers its "unmatched" option (minVal - u[r] +
 * unmatchedCost); returns minVal - u[r], its distance offset to the columns.
 */
function enterRow(search: Search, r: number, minVal: number): number {
  const { u, unmatchedCost } = search.s;
  search.rowDist[r] = minVal;
  search.scannedRows[search.numScannedRows++] = r;
  const hr = minVal - f64(u, r);
  const viaUnmatched = hr + unmatchedCost;
  if (viaUnmatched < search.unmatchedBest) {
    search.unmatchedBest = viaUnmatched;
    search.unmatchedRow = r;
  }
  return hr;
}

/**
 * One sparse search from the pending row `cur`. Row r reached at distance minVal reaches column k
 * at minVal - u[r] + h_rk (h = cost - v) and "unmatched" at minVal - u[r] + unmatchedCost. Columns
 * pop in distance order, one with room first among equals; staying unmatched wins only when
 * strictly closer than anything left (ties go to matching more). Beyond the first row every
 * reduced cost is >= 0, so a column with room relaxed to the current distance ends the search at
 * once.
 *
 * Kept apart from dense-square.ts's sparseSearch: here a popped column hands on all of its
 * mentees (a slot range, not one row), and "unmatched" competes with every pop.
 */
function sparseSearch(search: Search, cur: number): void {
  const { s, lists, listOf, heap, done, scannedCols } = search;
  const { m, cost, rowBase, start, fill, slotRow, v } = s;
  const { len, bound } = lists;
  const id = search.id;
  let minVal = 0;
  let sink = -1;
  startSearch(search);
  heap.size = 0;
  // Rows to scan at distance minVal: [cur] first, then the mentees of the last column popped.
  let firstSlot = 0;
  let lastSlot = 0;
  let single = cur;
  let frontier = -Infinity;
  scan: for (;;) {
    const count = single >= 0 ? 1 : lastSlot - firstSlot;
    for (let t = 0; t < count; t++) {
      const r = single >= 0 ? single : (slotRow[firstSlot + t] as number);
      const hr = enterRow(search, r, minVal);
      const li = listOf[r] as number;
      if ((len[li] as number) < 0) buildCostList(lists, li, m, cost, rowBase[r] as number, v);
      sink = relaxRow(search, r, hr, frontier, false);
      if (sink >= 0) break scan;
      const rowBound = bound[li] as number;
      if (rowBound !== Infinity) {
        heap.key[m + r] = hr + rowBound;
        heap.rank[m + r] = RANK_EVENT;
        heapUp(heap.items, heap.pos, heap.key, heap.rank, heap.size++, m + r);
      }
    }
    // Next: the closest column (handling the events that come first), or unmatched.
    for (;;) {
      if (heap.size === 0 || search.unmatchedBest < (heap.key[heap.items[0] as number] as number)) {
        minVal = search.unmatchedBest;
        break scan;
      }
      const x = heap.items[0] as number;
      if (--heap.size > 0) heapDown(heap.items, heap.pos, heap.key, heap.rank, heap.size, heap.items[heap.size] as number);
      const at = heap.key[x] as number;
      if (x >= m) {
        sink = rowEvent(search, x - m, at);
        if (sink >= 0) {
          minVal = at;
          break scan;
        }
        continue;
      }
      search.popped++;
      done[x] = id;
      scannedCols[search.numScannedCols++] = x;
      minVal = at;
      frontier = minVal;
      if (hasRoom(s, x)) {
        sink = x;
        break scan;
      }
      single = -1;
      firstSlot = start[x] as number;
      lastSlot = firstSlot + (fill[x] as number);
      break;
    }
  }
  if (sink >= 0 && done[sink] !== id) {
    done[sink] = id;
    scannedCols[search.numScannedCols++] = sink;
  }
  search.sink = sink;
  search.minVal = minVal;
}

/**
 * Row r's event came up at distance `at`: columns outside its list may now be the closest. If its
 * list was rebuilt since r was scanned (lists are shared by the places of a mentor) and the new
 * bound lies beyond `at`, relaxes that list and re-schedules; else rebuilds the list, relaxes it
 * and re-schedules the event at the new bound, or, if that does not move past `at`, relaxes every
 * column from r. Returns a column with room relaxed to `at` (the search ends there), else -1.
 */
function rowEvent(search: Search, r: number, at: number): number {
  const { s, lists, heap } = search;
  const { m, cost, rowBase, u, v } = s;
  const li = search.listOf[r] as number;
  const hr = (search.rowDist[r] as number) - (u[r] as number);
  if (!(hr + (lists.bound[li] as number) > at)) {
    buildCostList(lists, li, m, cost, rowBase[r] as number, v);
    search.fullPasses++;
  }
  const next = hr + (lists.bound[li] as number);
  const all = !(next > at);
  if (all) search.fullPasses++;
  const sink = relaxRow(search, r, hr, at, all);
  if (sink >= 0) return sink;
  if (!all && next !== Infinity) {
    heap.key[m + r] = next;
    heapUp(heap.items, heap.pos, heap.key, heap.rank, heap.size++, m + r);
  }
  return -1;
}

/**
 * Relaxes from scanned row r (distance to column k = hr + h_rk, hr = rowDist[r] - u[r]) its list,
 * or every column when `all`. Returns a column with room relaxed to `at` or less (the search ends
 * there), else -1.
 *
 * Same loop as dense-square.ts's relaxRow but with this solver's h (cost - v) and room test
 * (fill < capacity); kept apart so that each stays monomorphic (a shared loop would need the h
 * and the room test passed in, called per column). hr is passed in (the callers have it) to keep
 * this function under V8's inlining size limit (see `search-state.ts`).
 */
function relaxRow(search: Search, r: number, hr: number, at: number, all: boolean): number {
  const { s, lists, heap, pathRow, seen, done } = search;
  const { m, cost, capacity, fill, v } = s;
  // The heap's arrays and size in locals (and heapUp called directly) in this hot loop; the size
  // goes back at the end (not on an early return: the search ends there and drops the heap).
  const { key, rank, items, pos } = heap;
  let size = heap.size;
  const id = search.id;
  const li = search.listOf[r] as number;
  const base = s.rowBase[r] as number;
  const lb = li * lists.capacity;
  const count = all ? m : (lists.len[li] as number);
  const cols = lists.cols;
  for (let t = 0; t < count; t++) {
    const k = all ? t : (cols[lb + t] as number);
    if (done[k] === id) continue;
    const h = (cost[base + k] as number) - (v[k] as number);
    if (!(h < Infinity)) continue;
    const d = hr + h;
    if (seen[k] !== id) {
      seen[k] = id;
      key[k] = d;
      pathRow[k] = r;
      if ((fill[k] as number) < (capacity[k] as number)) {
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
      pathRow[k] = r;
      if (d <= at && (fill[k] as number) < (capacity[k] as number)) {
        return k;
      }
      heapUp(items, pos, key, rank, pos[k] as number, k);
    }
  }
  heap.size = size;
  return -1;
}

/**
 * One dense search from the pending row `cur` (Crouse's loop): every scanned row relaxes all
 * remaining columns, and the last row at a distance also finds the next closest column in the
 * same sweep, preferring one with room among equals.
 *
 * Kept apart from dense-square.ts's denseSearch: here several rows (a mentor's mentees) are scanned
 * at one distance, a column may have no room at capacity 0, and "unmatched" competes.
 */
function denseSearch(search: Search, cur: number): void {
  const { s, heap, remaining, scannedCols } = search;
  const { m, start, fill, slotRow } = s;
  const dist = heap.key;
  dist.fill(Infinity, 0, m);
  for (let j = 0; j < m; j++) remaining[j] = j;
  let numRemaining = m;
  let minVal = 0;
  let sink = -1;
  startSearch(search);
  // Rows to scan at distance minVal: either [cur] or the mentees of the last column reached.
  let firstSlot = 0;
  let lastSlot = 0;
  let single = cur;

  for (;;) {
    let index = -1;
    const count = single >= 0 ? 1 : lastSlot - firstSlot;
    for (let t = 0; t < count - 1; t++) relaxAll(search, i32(slotRow, firstSlot + t), minVal, numRemaining);
    if (count > 0) {
      // Last row at this distance: relax and find the closest column in the same sweep.
      index = relaxAllAndFindClosest(search, single >= 0 ? single : i32(slotRow, lastSlot - 1), minVal, numRemaining);
    } else {
      // A column with capacity 0 reached: nothing to scan, just pick the next closest.
      index = findClosest(search, numRemaining);
    }
    const lowest = index < 0 ? Infinity : f64(dist, i32(remaining, index));
    // Staying unmatched wins only when strictly cheaper: ties go to matching more people.
    if (search.unmatchedBest < lowest || index < 0) {
      minVal = search.unmatchedBest;
      break;
    }
    const j = i32(remaining, index);
    remaining[index] = i32(remaining, --numRemaining);
    scannedCols[search.numScannedCols++] = j;
    minVal = lowest;
    if (hasRoom(s, j)) {
      sink = j;
      break;
    }
    single = -1;
    firstSlot = i32(start, j);
    lastSlot = firstSlot + i32(fill, j);
  }
  search.sink = sink;
  search.minVal = minVal;
}

/** Dense search: scans row r at distance minVal and relaxes every remaining column from it. */
function relaxAll(search: Search, r: number, minVal: number, numRemaining: number): void {
  const { s, heap, pathRow, remaining } = search;
  const { cost, v } = s;
  const dist = heap.key;
  const h = enterRow(search, r, minVal);
  const base = i32(s.rowBase, r);
  for (let it = 0; it < numRemaining; it++) {
    const j = i32(remaining, it);
    const d = h + f64(cost, base + j) - f64(v, j);
    if (d < f64(dist, j)) {
      dist[j] = d;
      pathRow[j] = r;
    }
  }
}

/**
 * Dense search: as relaxAll, and in the same sweep finds the closest remaining column (its index
 * in `remaining`, -1 if none is reachable), preferring one with room among equally close ones.
 */
function relaxAllAndFindClosest(search: Search, r: number, minVal: number, numRemaining: number): number {
  const { s, heap, pathRow, remaining } = search;
  const { cost, capacity, fill, v } = s;
  const dist = heap.key;
  const h = enterRow(search, r, minVal);
  const base = i32(s.rowBase, r);
  let lowest = Infinity;
  let index = -1;
  for (let it = 0; it < numRemaining; it++) {
    const j = i32(remaining, it);
    let d = f64(dist, j);
    const dNew = h + f64(cost, base + j) - f64(v, j);
    if (dNew < d) {
      dist[j] = dNew;
      pathRow[j] = r;
      d = dNew;
    }
    if (d < lowest || (d === lowest && i32(fill, j) < i32(capacity, j))) {
      lowest = d;
      index = it;
    }
  }
  return index;
}

/** Dense search: the index in `remaining` of the closest column (one with room among equals), or -1. */
function findClosest(search: Search, numRemaining: number): number {
  const { s, heap, remaining } = search;
  const { capacity, fill } = s;
  const dist = heap.key;
  let lowest = Infinity;
  let index = -1;
  for (let it = 0; it < numRemaining; it++) {
    const j = i32(remaining, it);
    const d = f64(dist, j);
    if (d < lowest || (d === lowest && i32(fill, j) < i32(capacity, j))) {
      lowest = d;
      index = it;
    }
  }
  return index;
}
