/**
 * Jonker–Volgenant (LAPJV, 1987) for the square single-place case: n free mentees, n mentors with
 * one place each, objective `most-matched`. When a perfect matching exists among the allowed pairs,
 * the `most-matched` optimum is the cheapest perfect matching (one more match outweighs any score
 * difference), so the unmatched option can be left out and plain LAPJV applies:
 *
 *  1. column reduction (v_j = column minimum, assign its row when that row is still free),
 *  2. reduction transfer (a row that got exactly one column passes its slack to that column),
 *  3. two passes of augmenting row reduction (an auction step: bid the gap between the best and
 *     second-best reduced cost; ties take the second-best without a price change, so equal costs
 *     cannot start a price war),
 *  4. Dijkstra augmentation from each remaining free row, scanning all columns at the current
 *     minimum distance together (JV's `collist`) and stopping as soon as one of them is free.
 *
 * It reads the scores directly (cost = offset - value, -Infinity or NaN = forbidden): no cost
 * matrix is built. Returns null when there is no perfect matching (a row or column has no allowed
 * pair, or a search runs out of reachable columns); the caller then uses the general solver.
 *
 * Potentials: on return every allowed pair has c - u - v >= 0 with equality on the assignment.
 * Square LAP duals are only fixed up to a shift (u + d, v - d); the caller shifts them so that
 * v <= 0, which the general certificate needs.
 */
export interface DenseSquareInput {
  readonly n: number;
  /** Values (higher is better); cost of pair (r, j) is offset - values[rowBase[r] + j]. */
  readonly values: Float64Array;
  readonly rowBase: Int32Array;
  readonly offset: number;
  /** Run column reduction and augmenting row reduction first (default true). */
  readonly initialise?: boolean;
  readonly onProgress?: ((fraction: number) => void) | undefined;
}

export interface DenseSquareSolution {
  /** Per row: its column. */
  readonly colOf: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/** ARR steps per row beyond which the rest is left to the exact Dijkstra phase (price wars). */
const ARR_BUDGET_PER_ROW = 4;

export function solveDenseSquare(input: DenseSquareInput): DenseSquareSolution | null {
  const { n, values, rowBase, offset } = input;
  const colOf = new Int32Array(n).fill(-1);
  const rowOf = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  const free = new Int32Array(n);
  let numFree: number;
  if (input.initialise === false) {
    for (let i = 0; i < n; i++) free[i] = i;
    numFree = n;
  } else {
    const colMinRow = new Int32Array(n);
    if (!columnReduction(n, values, rowBase, offset, v, colMinRow, colOf, rowOf)) return null;
    numFree = reductionTransfer(n, values, rowBase, offset, v, colMinRow, colOf, free);
    numFree = augmentingRowReduction(n, values, rowBase, offset, v, colOf, rowOf, free, numFree);
    if (numFree < 0) return null;
  }
  if (!augment(n, values, rowBase, offset, v, colOf, rowOf, free, numFree, input.onProgress)) return null;
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
 * A row that is the minimum of exactly one column passes its slack (its second-best reduced cost)
 * to that column's price. Collects the rows left free; returns how many.
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
): number {
  const won = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = colMinRow[j] as number;
    won[i] = (won[i] as number) + 1;
  }
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const j1 = colOf[i] as number;
    if (j1 < 0) {
      free[numFree++] = i;
      continue;
    }
    if (won[i] !== 1) continue;
    const base = rowBase[i] as number;
    let min = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === j1) continue;
      const h = offset - (values[base + j] as number) - (v[j] as number);
      if (h < min) min = h;
    }
    if (min !== Infinity) v[j1] = (v[j1] as number) - min;
  }
  return numFree;
}

/**
 * Two passes of augmenting row reduction over the free rows (compacted in place). Returns the
 * number of rows still free, or -1 when a row has no allowed pair.
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
): number {
  let budget = ARR_BUDGET_PER_ROW * n + 1000;
  let numFree = initialFree;
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    let k = 0;
    const previous = numFree;
    numFree = 0;
    while (k < previous) {
      const i = free[k++] as number;
      if (budget-- <= 0) {
        free[numFree++] = i;
        continue;
      }
      const base = rowBase[i] as number;
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = -1;
      let j2 = -1;
      for (let j = 0; j < n; j++) {
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
        if (u1 < u2) free[--k] = i0;
        else free[numFree++] = i0;
      }
    }
  }
  return numFree;
}

/**
 * Dijkstra from each free row. One pass per scanned column both relaxes the remaining columns and
 * finds the next closest (preferring a free column among equally close ones, which ends the
 * search at once on tie-heavy instances) — the loop of SciPy's `augmenting_path`, with row
 * potentials implied by the prices (u_i = c_i,col(i) - v_col(i)). False when a search runs out of
 * reachable columns (no perfect matching).
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
  onProgress: ((fraction: number) => void) | undefined,
): boolean {
  const d = new Float64Array(n);
  const pred = new Int32Array(n);
  const remaining = new Int32Array(n);
  const scanned = new Int32Array(n);
  const progressStep = Math.max(1, Math.floor(numFree / 100));
  for (let f = 0; f < numFree; f++) {
    if (onProgress !== undefined && f % progressStep === 0) onProgress(f / numFree);
    const freeRow = free[f] as number;
    d.fill(Infinity);
    for (let j = 0; j < n; j++) remaining[j] = j;
    let numRemaining = n;
    let numScanned = 0;
    let min = 0;
    // Reaching column j through row i costs h - values[i][j] - v[j]; for the free row h = offset.
    let i = freeRow;
    let h = offset;
    let sink = -1;
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
      min = lowest;
      if (lowestFree) {
        sink = j;
        break;
      }
      i = rowOf[j] as number;
      h = min + (values[(rowBase[i] as number) + j] as number) + (v[j] as number);
    }
    // Prices of the scanned columns (the sink's change is 0), then shift the assignment.
    for (let k = 0; k < numScanned; k++) {
      const j = scanned[k] as number;
      v[j] = (v[j] as number) + (d[j] as number) - min;
    }
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
  if (onProgress !== undefined) onProgress(1);
  return true;
}
