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
 *
 * Invariants (complementary slackness, checked by verifyOptimality): reduced costs
 * c[i][j] - u[i] - v[j] >= 0, equal to 0 on assigned pairs; u[i] <= unmatchedCost, equal for
 * unmatched rows; v[j] <= 0, and v[j] < 0 only when column j is full.
 */

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
  shortestPathPhase(state, pending, problem.onProgress);
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

/** Crouse-style Dijkstra from each pending row over column nodes. */
function shortestPathPhase(
  s: State,
  pending: Int32Array,
  onProgress: ((fraction: number) => void) | undefined,
): void {
  const { n, m, cost, rowBase, capacity, fill, start, slotRow, colOf, slotOf, u, v, unmatchedCost } = s;
  const dist = new Float64Array(m);
  const pathRow = new Int32Array(m);
  const remaining = new Int32Array(m);
  const scannedCols = new Int32Array(m);
  const rowDist = new Float64Array(n);
  const scannedRows = new Int32Array(n);
  const total = pending.length;
  const progressStep = Math.max(1, Math.floor(total / 100));

  for (let p = 0; p < total; p++) {
    if (onProgress !== undefined && p % progressStep === 0) onProgress(p / total);
    const cur = pending[p] as number;
    dist.fill(Infinity);
    for (let j = 0; j < m; j++) remaining[j] = j;
    let numRemaining = m;
    let numScannedCols = 0;
    let numScannedRows = 0;
    let minVal = 0;
    let unmatchedBest = Infinity;
    let unmatchedRow = -1;
    let sink = -1;
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
        rowDist[r] = minVal;
        scannedRows[numScannedRows++] = r;
        const h = minVal - (u[r] as number);
        const viaUnmatched = h + unmatchedCost;
        if (viaUnmatched < unmatchedBest) {
          unmatchedBest = viaUnmatched;
          unmatchedRow = r;
        }
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
      if (unmatchedBest < lowest || index < 0) {
        minVal = unmatchedBest;
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

    // Update potentials so reduced costs stay >= 0 and the new path is tight.
    for (let t = 0; t < numScannedRows; t++) {
      const r = scannedRows[t] as number;
      u[r] = (u[r] as number) + minVal - (rowDist[r] as number);
    }
    for (let t = 0; t < numScannedCols; t++) {
      const j = scannedCols[t] as number;
      v[j] = (v[j] as number) - (minVal - (dist[j] as number));
    }

    // Augment: walk back from the sink, shifting each row into the place its successor left.
    let j: number;
    let slot: number;
    if (sink >= 0) {
      j = sink;
      slot = (start[j] as number) + (fill[j] as number);
      fill[j] = (fill[j] as number) + 1;
    } else {
      const r = unmatchedRow;
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
