import { UNMATCHED } from './shortest-paths.ts';

export interface TightAugmentInput {
  readonly n: number;
  readonly m: number;
  readonly cost: Float64Array;
  /** Cost row of each row (default: itself), as in CoreProblem. */
  readonly rowSource?: Int32Array | undefined;
  readonly capacity: Int32Array;
  readonly unmatchedCost: number;
  readonly colOf: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** Reduced costs within this of 0 count as tight. */
  readonly tolerance: number;
}

/**
 * Matches as many unmatched rows as possible without changing the total cost: augmenting paths
 * that use only tight pairs (reduced cost 0) from an unmatched row to a column with room.
 *
 * Every optimal solution is tight against the same optimal potentials, so a current optimum plus
 * no tight augmenting path means no optimum matches more rows (Berge's argument on the symmetric
 * difference). Used for `total-score`, whose tie-break is "the most matched"; the checker calls it
 * with `apply: false` to confirm no such path is left. Kuhn's search: marks persist across failed
 * searches (nothing reachable from a failed root can become useful until the matching changes).
 *
 * Returns the number of extra matches (found, or applied when `apply` is true). Mutates colOf.
 */
export function augmentTightPaths(input: TightAugmentInput, apply = true): number {
  const { n, m, cost, rowSource, capacity, unmatchedCost, colOf, u, v, tolerance } = input;
  const fill = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const j = colOf[i] as number;
    if (j >= 0) fill[j] = (fill[j] as number) + 1;
  }
  // Rows of each column as linked lists (rows move, so keep it mutable and cheap).
  const head = new Int32Array(m).fill(-1);
  const nextRow = new Int32Array(n).fill(-1);
  const link = (i: number, j: number): void => {
    nextRow[i] = head[j] as number;
    head[j] = i;
  };
  const unlink = (i: number, j: number): void => {
    let prev = -1;
    for (let r = head[j] as number; r >= 0; prev = r, r = nextRow[r] as number) {
      if (r !== i) continue;
      if (prev < 0) head[j] = nextRow[r] as number;
      else nextRow[prev] = nextRow[r] as number;
      return;
    }
  };
  for (let i = 0; i < n; i++) {
    const j = colOf[i] as number;
    if (j >= 0) link(i, j);
  }

  const visited = new Uint8Array(m);
  const parentRow = new Int32Array(m);
  const queue = new Int32Array(n);
  let found = 0;
  for (let root = 0; root < n; root++) {
    if (colOf[root] !== UNMATCHED) continue;
    if (Math.abs((u[root] as number) - unmatchedCost) > tolerance) continue;
    let qHead = 0;
    let qTail = 0;
    queue[qTail++] = root;
    let sink = -1;
    while (qHead < qTail && sink < 0) {
      const r = queue[qHead++] as number;
      const base = (rowSource === undefined ? r : (rowSource[r] as number)) * m;
      const ur = u[r] as number;
      for (let j = 0; j < m; j++) {
        if (visited[j] === 1) continue;
        const c = cost[base + j] as number;
        if (c === Infinity || Math.abs(c - ur - (v[j] as number)) > tolerance) continue;
        visited[j] = 1;
        parentRow[j] = r;
        if ((fill[j] as number) < (capacity[j] as number)) {
          sink = j;
          break;
        }
        for (let x = head[j] as number; x >= 0; x = nextRow[x] as number) queue[qTail++] = x;
      }
    }
    if (sink < 0) continue;
    found++;
    if (!apply) return found;
    // Shift rows along the path; the root fills the place its successor vacated.
    let j = sink;
    fill[j] = (fill[j] as number) + 1;
    for (;;) {
      const i = parentRow[j] as number;
      const prev = colOf[i] as number;
      if (prev >= 0) unlink(i, prev);
      colOf[i] = j;
      link(i, j);
      if (i === root) break;
      j = prev;
    }
    visited.fill(0);
  }
  return found;
}
