import type { AssignmentProblem } from '../assignment-types.ts';

/** Stands in for a forbidden pair: larger than any total of allowed scores in the tests. */
const FORBIDDEN_PENALTY = 1e7;

/**
 * Independent `most-matched` optimum for mid-sized tests (a few hundred rows): the textbook O(n²m)
 * Hungarian algorithm with potentials (one Dijkstra-like pass per row over a dense matrix, no
 * candidate lists, no warm start, no capacities), on the problem with each mentor's capacity as
 * repeated columns and forbidden pairs as a large penalty — as the benchmark's references see it.
 * No minimum score or locks.
 */
export function hungarianReference(problem: AssignmentProblem): { readonly matched: number; readonly total: number } {
  const { rows, cols, score } = problem;
  const mentorOfPlace: number[] = [];
  for (let j = 0; j < cols; j++) for (let c = 0; c < Math.min(problem.capacity?.[j] ?? 1, rows); c++) mentorOfPlace.push(j);
  const places = mentorOfPlace.length;
  // The smaller side is the rows of the square-or-wide matrix the algorithm needs.
  const transposed = rows > places;
  const n = transposed ? places : rows;
  const m = transposed ? rows : places;
  const pairScore = (a: number, b: number): number => {
    const [mentee, place] = transposed ? [b, a] : [a, b];
    return score[mentee * cols + (mentorOfPlace[place] as number)] as number;
  };
  const cost = (a: number, b: number): number => {
    const s = pairScore(a, b);
    return s === -Infinity || s !== s ? FORBIDDEN_PENALTY : -s;
  };
  // 1-based arrays as in the textbook: p[j] is the row in column j, 0 = none.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j] === 1) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j] === 1) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  let matched = 0;
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (p[j] === 0) continue;
    const s = pairScore((p[j] as number) - 1, j - 1);
    if (s === -Infinity || s !== s) continue;
    matched++;
    total += s;
  }
  return { matched, total };
}
