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
 *     pass, `row-reduction.ts`) places most rows in O(cols) each. It only touches single-place
 *     mentors, for which lowering the price keeps every other row's potential valid.
 *  4. The searches are sparse: a binary heap over the columns, and a scanned row relaxes only its
 *     candidate list (its cheapest columns, with a bound on the rest; `candidate-lists.ts`), with
 *     an event where the rest could start to matter. Column prices only fall (ARR bids and the
 *     price update below), which keeps the lists' bounds valid. If the lists stop holding the
 *     searches (counted work, not time), the rest of the phase uses the dense loop.
 *  5. Ties are cheap (issue #16): rows sharing a cost row are relaxed once per search unless reached
 *     closer (`coveredByTwin`), and the dense loop pops columns tied at one distance from a set
 *     collected in one sweep instead of sweeping for each (`denseSearch`).
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
import type { State } from './assignment-state.ts';
import { PENDING, UNMATCHED, hasRoom } from './assignment-state.ts';
import { augmentingRowReduction } from './row-reduction.ts';
import type { SearchHeap, SparseWork } from './search-state.ts';
import { f64, i32, makeHeap, sparseStopsPaying } from './search-state.ts';

export { UNMATCHED };

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
  /** Dense searches: the columns not yet scanned, and each column's index in it. */
  readonly remaining: Int32Array;
  readonly posOf: Int32Array;
  /** Dense searches: remaining columns at distance tieLevel (a stack), one with room apart (or -1). */
  readonly tie: Int32Array;
  numTies: number;
  tieRoom: number;
  tieLevel: number;
  /**
   * Per cost row: the search that last scanned a row using it, and the smallest distance offset
   * (rowDist - u) it was scanned at in that search (see `coveredByTwin`).
   */
  readonly costRowSearch: Int32Array;
  readonly costRowOffset: Float64Array;
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
  const listCount = m === 0 ? 0 : cost.length / m;
  const search: Search = {
    s,
    lists: makeLists(listCount, m, listTarget),
    listOf,
    heap: makeHeap(m + n),
    pathRow: new Int32Array(m),
    seen: new Int32Array(m),
    done: new Int32Array(m),
    rowDist: new Float64Array(n),
    scannedRows: new Int32Array(n),
    scannedCols: new Int32Array(m),
    remaining: new Int32Array(m),
    posOf: new Int32Array(m),
    tie: new Int32Array(m),
    numTies: 0,
    tieRoom: -1,
    tieLevel: -Infinity,
    costRowSearch: new Int32Array(listCount),
    costRowOffset: new Float64Array(listCount),
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
 * Rows that share a cost row (the places of one mentor, when solved transposed) relax the same
 * columns: one scanned earlier in this search at a distance offset (rowDist - u) no larger than
 * `hr` already gave every column a key at least as small as this row would (and, in the sparse
 * search, its event chain covers the columns outside the list from an earlier distance). So the
 * later row is only entered (for the potential update and its "unmatched" option), not relaxed.
 * In exact arithmetic a later twin's offset is never smaller (dual feasibility gives every placed
 * twin u <= the row's least reduced cost, which bounds every distance from below); the comparison
 * guards against rounding. On tie-heavy scores whole mentors are reached at one distance, and this
 * saves capacity − 1 of every capacity row passes. Returns true when the row can be skipped, else
 * records `hr`.
 */
function coveredByTwin(search: Search, li: number, hr: number): boolean {
  const { costRowSearch, costRowOffset } = search;
  if (costRowSearch[li] === search.id && (costRowOffset[li] as number) <= hr) return true;
  costRowSearch[li] = search.id;
  costRowOffset[li] = hr;
  return false;
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
      if (coveredByTwin(search, li, hr)) continue;
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
 * remaining columns, and the next column is the closest remaining one, one with room first among
 * equals. The closest are found by a sweep that also collects every remaining column tied at that
 * distance (`search.tie`); while that tie set lasts, the next columns come from it without a sweep
 * (relaxing keeps it exact: a column lowered to its distance joins it, one lowered below it — only
 * a rounding error can do that — empties it). On tie-heavy scores a search pops hundreds of columns
 * at one distance; with twin rows skipped (`coveredByTwin`) most of those pops then cost nothing.
 *
 * Kept apart from dense-square.ts's denseSearch: here several rows (a mentor's mentees) are scanned
 * at one distance, a column may have no room at capacity 0, and "unmatched" competes.
 */
function denseSearch(search: Search, cur: number): void {
  const { s, heap, remaining, posOf, scannedCols, tie } = search;
  const { m, start, fill, slotRow } = s;
  const dist = heap.key;
  dist.fill(Infinity, 0, m);
  for (let j = 0; j < m; j++) {
    remaining[j] = j;
    posOf[j] = j;
  }
  let numRemaining = m;
  let minVal = 0;
  let sink = -1;
  startSearch(search);
  clearTies(search);
  // Rows to scan at distance minVal: either [cur] or the mentees of the last column reached.
  let firstSlot = 0;
  let lastSlot = 0;
  let single = cur;

  for (;;) {
    const count = single >= 0 ? 1 : lastSlot - firstSlot;
    for (let t = 0; t < count - 1; t++) relaxAll(search, i32(slotRow, firstSlot + t), minVal, numRemaining);
    if (count > 0) {
      const r = single >= 0 ? single : i32(slotRow, lastSlot - 1);
      // With ties left, the last row only relaxes; else it relaxes and collects the next ties.
      if (search.numTies > 0 || search.tieRoom >= 0) relaxAll(search, r, minVal, numRemaining);
      else relaxAllAndCollectTies(search, r, minVal, numRemaining);
    }
    if (search.numTies === 0 && search.tieRoom < 0) collectTies(search, numRemaining);
    // The next column: one with room among the ties, else the last tie collected.
    let j = search.tieRoom;
    if (j >= 0) search.tieRoom = -1;
    else if (search.numTies > 0) j = i32(tie, --search.numTies);
    const lowest = j < 0 ? Infinity : search.tieLevel;
    // Staying unmatched wins only when strictly cheaper: ties go to matching more people.
    if (search.unmatchedBest < lowest || j < 0) {
      minVal = search.unmatchedBest;
      break;
    }
    const index = i32(posOf, j);
    const moved = i32(remaining, --numRemaining);
    remaining[index] = moved;
    posOf[moved] = index;
    posOf[j] = -1;
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

/** Empties the dense search's tie set (no column is at distance -Infinity, so none joins it). */
function clearTies(search: Search): void {
  search.numTies = 0;
  search.tieRoom = -1;
  search.tieLevel = -Infinity;
}

/**
 * A remaining column's distance fell to d <= the tie level: it joins the ties (the one with room
 * is kept apart, popped first), or, below the level (rounding), the ties are no longer the closest.
 */
function noteTie(search: Search, j: number, d: number): void {
  if (d < search.tieLevel) {
    clearTies(search);
    return;
  }
  const { fill, capacity } = search.s;
  if (search.tieRoom < 0 && i32(fill, j) < i32(capacity, j)) search.tieRoom = j;
  else search.tie[search.numTies++] = j;
}

/** Dense search: scans row r at distance minVal and relaxes every remaining column from it. */
function relaxAll(search: Search, r: number, minVal: number, numRemaining: number): void {
  const { s, heap, pathRow, remaining } = search;
  const { cost, v } = s;
  const dist = heap.key;
  const h = enterRow(search, r, minVal);
  if (coveredByTwin(search, i32(search.listOf, r), h)) return;
  const base = i32(s.rowBase, r);
  let level = search.tieLevel;
  for (let it = 0; it < numRemaining; it++) {
    const j = i32(remaining, it);
    const d = h + f64(cost, base + j) - f64(v, j);
    if (d < f64(dist, j)) {
      dist[j] = d;
      pathRow[j] = r;
      if (d <= level) {
        noteTie(search, j, d);
        level = search.tieLevel;
      }
    }
  }
}

/**
 * Dense search, no ties left: as relaxAll, and in the same sweep collects the closest remaining
 * columns (`collectTies`).
 */
function relaxAllAndCollectTies(search: Search, r: number, minVal: number, numRemaining: number): void {
  const { s, heap, pathRow, remaining, tie } = search;
  const { cost, capacity, fill, v } = s;
  const dist = heap.key;
  const h = enterRow(search, r, minVal);
  if (coveredByTwin(search, i32(search.listOf, r), h)) return;
  const base = i32(s.rowBase, r);
  let lowest = Infinity;
  let numTies = 0;
  let room = -1;
  for (let it = 0; it < numRemaining; it++) {
    const j = i32(remaining, it);
    let d = f64(dist, j);
    const dNew = h + f64(cost, base + j) - f64(v, j);
    if (dNew < d) {
      dist[j] = dNew;
      pathRow[j] = r;
      d = dNew;
    }
    if (d <= lowest && d < Infinity) {
      if (d < lowest) {
        lowest = d;
        numTies = 0;
        room = -1;
      }
      if (room < 0 && i32(fill, j) < i32(capacity, j)) room = j;
      else tie[numTies++] = j;
    }
  }
  search.numTies = numTies;
  search.tieRoom = room;
  search.tieLevel = lowest;
}

/** Dense search: collects the remaining columns at the smallest finite distance (one with room apart). */
function collectTies(search: Search, numRemaining: number): void {
  const { s, heap, remaining, tie } = search;
  const { capacity, fill } = s;
  const dist = heap.key;
  let lowest = Infinity;
  let numTies = 0;
  let room = -1;
  for (let it = 0; it < numRemaining; it++) {
    const j = i32(remaining, it);
    const d = f64(dist, j);
    if (d <= lowest && d < Infinity) {
      if (d < lowest) {
        lowest = d;
        numTies = 0;
        room = -1;
      }
      if (room < 0 && i32(fill, j) < i32(capacity, j)) room = j;
      else tie[numTies++] = j;
    }
  }
  search.numTies = numTies;
  search.tieRoom = room;
  search.tieLevel = lowest;
}
