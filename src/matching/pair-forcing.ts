import { isAllowedScore } from './assignment-input.ts';
import type { AssignmentResult } from './assignment-types.ts';
import { heapDown, heapUp } from './candidate-lists.ts';

/**
 * What giving one mentee one mentor costs the rest of the program, for every pair at once, from an
 * optimal `most-matched` assignment x* and its certificate (no locks). The best assignment that
 * contains a pair (i, j) is x* changed along one alternating path, and its extra cost is exact:
 *
 * With cost = costOffset − score per matched pair and unmatchedCost U per unmatched mentee, every
 * assignment x satisfies (write c = u_i + v_j + r_ij and sum up)
 *   cost(x) − cost(x*) = Σ_{pairs of x} r_ij + Σ_{unmatched in x} (U − u_k) + Σ_mentors (−v_j) · (free places of j in x)
 * and every term is ≥ 0 (the certificate's dual feasibility). So the reduced cost r_ij is only a
 * lower bound on the extra cost of forcing (i, j): the mentor's other mentees have to go
 * somewhere, and the certificate can price that at 0 — with mentees A (X 50, Y 100) and B (Y 10
 * only), the solver's certificate has r(A, Y) = 0, yet A taking Y leaves B without a mentor.
 *
 * The rest is a shortest path. Mentors are nodes, plus t for "outside" (unmatched, or a free
 * place); a path says how the surplus the forced mentee brings to j moves on:
 *   j1 → j2   a mentee k of j1 moves to j2:                     r(k, j2)
 *   j1 → t    j1 had a free place:                              0
 *             or one of j1's mentees k goes unmatched:          U − u_k      (one fewer matched)
 *   t → j2    j2 keeps a free place (it sends one on):          −v_j2
 *             or an unmatched mentee k moves in:                r(k, j2)     (one more matched)
 * all ≥ 0 (so Dijkstra). Forcing (i, j) when i has mentor j0 costs r(i, j) + dist(j → j0) (the
 * path ends where i left a place); when i is unmatched, r(i, j) + dist(j → t). Decomposing x_f − x*
 * into alternating cycles shows nothing cheaper exists (cycles without (i, j) cost ≥ 0).
 *
 * Because U outweighs any score difference (assignment-input.ts), the cheapest such assignment
 * matches as many mentees as any assignment containing the pair can, and among those has the
 * highest total; assignments with different numbers matched never cost the same. Cost is
 * U·mentees − total − (U − costOffset)·matched, so from the extra cost and the number matched fewer
 * (0 or 1: one path, and a mentee unmatched in x* who takes a mentor is one more matched):
 *   total(x*) − total(x_f) = extra − (U − costOffset) · fewerMatched.
 *
 * Work: O(n·m) for the arcs, then per full mentor with mentees one Dijkstra towards it, at most
 * O(m · mentors with mentees) and usually far less (see `towards`); mentors with a free place need
 * none. 3,000 mentees x 1,500 mentors take a few seconds in all.
 */
export interface PairForcing {
  /** cost(x_f) − cost(x*) in solver units: at least the pair's reduced cost. */
  readonly extraCost: number;
  /** How many fewer mentees x_f matches than x*: 0 or 1. */
  readonly fewerMatched: number;
  /** total(x*) − total(x_f): ≥ 0 when fewerMatched is 0; may be negative when it is 1. */
  readonly scoreDrop: number;
}

export interface ForcingProblem {
  readonly rows: number;
  readonly cols: number;
  readonly score: Float64Array;
  /** Places per mentor, as given to the solver. */
  readonly capacity: ArrayLike<number>;
  readonly minScore?: number;
}

interface Distances {
  readonly dist: Float64Array;
  /** Change in the number matched along the path found. */
  readonly net: Int32Array;
}

/** Returns forcing(i, j): null when the pair is not allowed (hard rule, minScore, no places). */
export function pairForcings(problem: ForcingProblem, optimum: AssignmentResult): (i: number, j: number) => PairForcing | null {
  const { rows: n, cols: m, score } = problem;
  const minScore = problem.minScore ?? -Infinity;
  const { mentorOf } = optimum;
  const { costOffset, unmatchedCost: U, rowPotential: u, colPotential: v } = optimum.certificate;
  // The solver clamps places to the number of mentees; the certificate is for that problem.
  const places = Int32Array.from({ length: m }, (_, j) => Math.min(problem.capacity[j] as number, n));
  const allowed = (k: number, j: number): boolean => (places[j] as number) > 0 && isAllowedScore(score[k * m + j] as number, minScore);
  // Reduced costs are >= 0 up to rounding; clamped so the searches stay exact Dijkstra.
  const reduced = (k: number, j: number): number =>
    Math.max(0, costOffset - (score[k * m + j] as number) - (u[k] as number) - (v[j] as number));

  const load = new Int32Array(m);
  for (let k = 0; k < n; k++) {
    const j = mentorOf[k] as number;
    if (j >= 0) load[j] = (load[j] as number) + 1;
  }
  const g = moveGraph(n, m, mentorOf, load, allowed, reduced);
  // out: j → t; into: t → j, each with the change in the number matched.
  const out = new Float64Array(m).fill(Infinity);
  const outNet = new Int32Array(m);
  const into = new Float64Array(m);
  const intoNet = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    into[j] = Math.max(0, -(v[j] as number));
    if ((load[j] as number) < (places[j] as number)) out[j] = 0;
  }
  for (let k = 0; k < n; k++) {
    const j1 = mentorOf[k] as number;
    if (j1 >= 0) {
      const drop = Math.max(0, U - (u[k] as number));
      if (drop < (out[j1] as number)) {
        out[j1] = drop;
        outNet[j1] = -1;
      }
      continue;
    }
    for (let j2 = 0; j2 < m; j2++) {
      if (!allowed(k, j2)) continue;
      const r = reduced(k, j2);
      if (r < (into[j2] as number)) {
        into[j2] = r;
        intoNet[j2] = 1;
      }
    }
  }
  const everyone = Array.from({ length: m }, (_, j) => j);
  const toOutside = { dist: out, net: outNet };
  search(g, toOutside, everyone, false);
  const fromOutside = { dist: into, net: intoNet };
  search(g, fromOutside, everyone, true);

  /**
   * dist(y → j0) for every y: through t (dist(y → t) + dist(t → j0)), or straight along moves. The
   * through-t labels are closed under moves (dist(z → t) <= move(z → y) + dist(y → t)), so only
   * labels a straight path lowers need spreading: the search starts at j0 alone. For a mentor j0
   * with a free place the straight way never wins (j0 → t is free, so dist(y → t) is at most any
   * straight path to j0), and no search is needed.
   */
  const cache = new Map<number, Distances>();
  const towards = (j0: number): Distances => {
    const known = cache.get(j0);
    if (known !== undefined) return known;
    const dist = new Float64Array(m);
    const net = new Int32Array(m);
    for (let y = 0; y < m; y++) {
      dist[y] = (toOutside.dist[y] as number) + (fromOutside.dist[j0] as number);
      net[y] = (toOutside.net[y] as number) + (fromOutside.net[j0] as number);
    }
    const found = { dist, net };
    if ((load[j0] as number) >= (places[j0] as number)) {
      dist[j0] = 0;
      net[j0] = 0;
      search(g, found, [j0], false);
    }
    cache.set(j0, found);
    return found;
  };

  return (i, j) => {
    if (!allowed(i, j)) return null;
    const j0 = mentorOf[i] as number;
    if (j0 === j) return { extraCost: 0, fewerMatched: 0, scoreDrop: 0 };
    const path = j0 < 0 ? toOutside : towards(j0);
    const extraCost = reduced(i, j) + (path.dist[j] as number);
    // An unmatched mentee who takes a mentor is one more matched.
    const fewerMatched = (j0 < 0 ? -1 : 0) - (path.net[j] as number);
    return { extraCost, fewerMatched, scoreDrop: extraCost - (U - costOffset) * fewerMatched };
  };
}

/** Moves between mentors: a mentee of a mentor with mentees goes to another mentor. */
interface MoveGraph {
  readonly m: number;
  /** Mentors with mentees in the optimum. */
  readonly loaded: Int32Array;
  /** Per mentor: its index in `loaded`, or -1. */
  readonly rowOf: Int32Array;
  /** weight[x * loaded.length + a]: the cheapest move of a mentee of loaded[a] to x (Infinity: none). By target, so a backward search reads it in order. */
  readonly weight: Float64Array;
  /** The searches' heap, reused (empty between searches). */
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  readonly rank: Uint8Array;
}

function moveGraph(
  n: number,
  m: number,
  mentorOf: Int32Array,
  load: Int32Array,
  allowed: (k: number, j: number) => boolean,
  reduced: (k: number, j: number) => number,
): MoveGraph {
  const rowOf = new Int32Array(m).fill(-1);
  let count = 0;
  for (let j = 0; j < m; j++) if ((load[j] as number) > 0) rowOf[j] = count++;
  const loaded = new Int32Array(count);
  for (let j = 0; j < m; j++) if ((rowOf[j] as number) >= 0) loaded[rowOf[j] as number] = j;
  const weight = new Float64Array(m * count).fill(Infinity);
  for (let k = 0; k < n; k++) {
    const j1 = mentorOf[k] as number;
    if (j1 < 0) continue;
    const a = rowOf[j1] as number;
    for (let x = 0; x < m; x++) {
      if (x === j1 || !allowed(k, x)) continue;
      const r = reduced(k, x);
      if (r < (weight[x * count + a] as number)) weight[x * count + a] = r;
    }
  }
  return { m, loaded, rowOf, weight, heap: new Int32Array(m), pos: new Int32Array(m).fill(-1), rank: new Uint8Array(m) };
}

/**
 * Dijkstra over the mentors, in place: every node starts with its label in `d`, the `start` nodes
 * spread theirs and any node a move lowers spreads its new one. Backward (`forward` false) a label
 * is a distance towards where the labels came from: dist(y) = min(label, move(y → x) + dist(x));
 * forward, a distance from there. Equal distances keep the path that matches more mentees (they
 * cannot differ in it except by rounding; see above).
 */
function search(g: MoveGraph, d: Distances, start: readonly number[], forward: boolean): void {
  const { m, loaded, rowOf, weight, heap, pos, rank } = g;
  const { dist, net } = d;
  const count = loaded.length;
  const done = new Uint8Array(m);
  let size = 0;
  const lower = (y: number, through: number, throughNet: number): void => {
    if (done[y] === 1 || !(through < (dist[y] as number) || (through === dist[y] && throughNet > (net[y] as number)))) return;
    dist[y] = through;
    net[y] = throughNet;
    if ((pos[y] as number) < 0) heapUp(heap, pos, dist, rank, size++, y);
    else heapUp(heap, pos, dist, rank, pos[y] as number, y);
  };
  for (const x of start) if ((dist[x] as number) < Infinity) heapUp(heap, pos, dist, rank, size++, x);
  while (size > 0) {
    const x = heap[0] as number;
    pos[x] = -1;
    if (--size > 0) heapDown(heap, pos, dist, rank, size, heap[size] as number);
    done[x] = 1;
    const dx = dist[x] as number;
    const nx = net[x] as number;
    if (!forward) {
      const base = x * count;
      for (let a = 0; a < count; a++) {
        const w = weight[base + a] as number;
        if (w < Infinity) lower(loaded[a] as number, w + dx, nx);
      }
    } else if ((rowOf[x] as number) >= 0) {
      const a = rowOf[x] as number;
      for (let y = 0; y < m; y++) {
        const w = weight[y * count + a] as number;
        if (w < Infinity) lower(y, dx + w, nx);
      }
    }
  }
}
