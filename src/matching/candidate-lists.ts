/**
 * Candidate lists and the heap shared by the two exact solvers' sparse Dijkstra searches.
 *
 * Both solvers keep column prices v that never rise, so a row's column-reduced cost
 * h_ij = c_ij - v_j never falls. One pass over a row keeps a short list of its cheapest columns
 * (about K..2K, all with h below a threshold) and that threshold as `bound`: every column outside
 * the list had h >= bound then, and still has. The solvers use it in two ways:
 *  - the two smallest h of a row are exact from the list when the second is <= bound (else
 *    rebuild);
 *  - a Dijkstra search relaxes only a scanned row's list and schedules an "event" at
 *    (the row's distance offset + bound), the smallest distance a column outside the list could
 *    get through it; if the event comes up before the search ends, the list is rebuilt (prices may
 *    have fallen since) or, when that does not move the bound past the event, every column is
 *    relaxed from the row.
 * Floating point keeps the argument: h is computed one way everywhere, fl(a - v) falls as v rises
 * and fl(D + h) is monotone in h, so the computed bounds are bounds on the computed distances.
 *
 * h is computed as `offset - values[base + j] - v[j]` (scores; the square solver) or
 * `cost[base + j] - v[j]` (the general solver's cost matrix): two builders, one list format.
 */

/** Candidate-list target length K; a list holds up to 2K columns. */
export const LIST_TARGET = 16;

/**
 * Per list (a row, or a cost row shared by several rows): up to `capacity` = 2K candidate columns
 * (`len` = -1 until first built), all with h below `bound` when built and every other column at or
 * above it. Scratch buffers for building.
 */
export interface Lists {
  readonly target: number;
  readonly capacity: number;
  readonly cols: Int32Array;
  readonly len: Int32Array;
  readonly bound: Float64Array;
  /** Stride of the sample that estimates the threshold (about 1.5K columns below it). */
  readonly sampleStep: number;
  readonly bufH: Float64Array;
  readonly bufJ: Int32Array;
  /** Set by the collecting pass: every column it did not keep has h >= this. */
  threshold: number;
}

/** Lists for `count` rows over n columns; the target is clamped to 2..n (at least two are kept). */
export function makeLists(count: number, n: number, requestedTarget: number): Lists {
  const target = Math.max(2, Math.min(requestedTarget, n));
  const capacity = 2 * target;
  return {
    target,
    capacity,
    cols: new Int32Array(count * capacity),
    len: new Int32Array(count).fill(-1),
    bound: new Float64Array(count),
    sampleStep: n > 0 ? Math.max(1, Math.floor(n / Math.ceil((2 * n) / (1.5 * target)))) : 1,
    bufH: new Float64Array(capacity),
    bufJ: new Int32Array(capacity),
    threshold: Infinity,
  };
}

/**
 * Rows start their pass at spread-out columns (golden-ratio steps), so that rows whose columns tie
 * do not all list the same few columns and compete for them.
 */
export function startColumn(i: number, n: number): number {
  return Math.floor(((i * 0.6180339887498949) % 1) * n);
}

/**
 * (Re)builds list i from one pass over its row, h = offset - values[base + j] - v[j]: the threshold
 * is first estimated as the second smallest h over a strided sample (so about 1.5K columns fall
 * below it and the pass mostly just compares), the columns below it are collected, and if more
 * than 2K turn up the K smallest are kept and the threshold lowered to the smallest one dropped.
 * If fewer than two are collected (ties at the estimate), the pass is repeated without an estimate.
 * Deliberately separate from buildCostList (hot pass over the matrix; a merged version measured slower).
 */
export function buildList(L: Lists, i: number, n: number, values: Float64Array, base: number, offset: number, v: Float64Array): void {
  let threshold = Infinity;
  if (L.sampleStep > 1) {
    let s1 = Infinity;
    for (let j = 0; j < n; j += L.sampleStep) {
      const h = offset - (values[base + j] as number) - (v[j] as number);
      if (h < threshold) {
        if (h < s1) {
          threshold = s1;
          s1 = h;
        } else {
          threshold = h;
        }
      }
    }
  }
  const start = startColumn(i, n);
  L.threshold = threshold;
  let kept = collectValues(L, values, base, offset, v, 0, start, collectValues(L, values, base, offset, v, start, n, 0));
  if (kept < 2 && L.threshold !== Infinity) {
    L.threshold = Infinity;
    kept = collectValues(L, values, base, offset, v, 0, start, collectValues(L, values, base, offset, v, start, n, 0));
  }
  store(L, i, kept);
}

/** As buildList, with h = cost[base + j] - v[j]. Kept apart from buildList on purpose: a merged sign/offset builder measured slower (structured 4000x4000, noisy). */
export function buildCostList(L: Lists, i: number, n: number, cost: Float64Array, base: number, v: Float64Array): void {
  let threshold = Infinity;
  if (L.sampleStep > 1) {
    let s1 = Infinity;
    for (let j = 0; j < n; j += L.sampleStep) {
      const h = (cost[base + j] as number) - (v[j] as number);
      if (h < threshold) {
        if (h < s1) {
          threshold = s1;
          s1 = h;
        } else {
          threshold = h;
        }
      }
    }
  }
  const start = startColumn(i, n);
  L.threshold = threshold;
  let kept = collectCosts(L, cost, base, v, 0, start, collectCosts(L, cost, base, v, start, n, 0));
  if (kept < 2 && L.threshold !== Infinity) {
    L.threshold = Infinity;
    kept = collectCosts(L, cost, base, v, 0, start, collectCosts(L, cost, base, v, start, n, 0));
  }
  store(L, i, kept);
}

function store(L: Lists, i: number, kept: number): void {
  const { cols, bufJ } = L;
  const lb = i * L.capacity;
  for (let t = 0; t < kept; t++) cols[lb + t] = bufJ[t] as number;
  L.len[i] = kept;
  L.bound[i] = L.threshold;
}

/**
 * Adds to the buffers (which hold m entries) the columns from..to-1 with h < L.threshold, keeping
 * the K smallest and lowering the threshold whenever 2K have gathered. Returns the new count.
 * NaN and +Infinity (forbidden pairs) never pass the test, so they are never listed.
 */
function collectValues(
  L: Lists,
  values: Float64Array,
  base: number,
  offset: number,
  v: Float64Array,
  from: number,
  to: number,
  m: number,
): number {
  const { bufH, bufJ, capacity, target } = L;
  let threshold = L.threshold;
  for (let j = from; j < to; j++) {
    const h = offset - (values[base + j] as number) - (v[j] as number);
    if (!(h < threshold)) continue;
    bufH[m] = h;
    bufJ[m] = j;
    if (++m === capacity) {
      threshold = keepSmallest(bufH, bufJ, m, target);
      m = target;
    }
  }
  L.threshold = threshold;
  return m;
}

/** As collectValues with h = cost - v; kept apart for speed (see buildCostList). */
function collectCosts(L: Lists, cost: Float64Array, base: number, v: Float64Array, from: number, to: number, m: number): number {
  const { bufH, bufJ, capacity, target } = L;
  let threshold = L.threshold;
  for (let j = from; j < to; j++) {
    const h = (cost[base + j] as number) - (v[j] as number);
    if (!(h < threshold)) continue;
    bufH[m] = h;
    bufJ[m] = j;
    if (++m === capacity) {
      threshold = keepSmallest(bufH, bufJ, m, target);
      m = target;
    }
  }
  L.threshold = threshold;
  return m;
}

/** Moves the k smallest of the first m buffer entries to the front; returns the smallest of the rest. */
function keepSmallest(bufH: Float64Array, bufJ: Int32Array, m: number, k: number): number {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = bufH[(lo + hi) >> 1] as number;
    let a = lo;
    let b = hi;
    while (a <= b) {
      while ((bufH[a] as number) < pivot) a++;
      while ((bufH[b] as number) > pivot) b--;
      if (a <= b) {
        const h = bufH[a] as number;
        bufH[a] = bufH[b] as number;
        bufH[b] = h;
        const j = bufJ[a] as number;
        bufJ[a] = bufJ[b] as number;
        bufJ[b] = j;
        a++;
        b--;
      }
    }
    if (k - 1 <= b) hi = b;
    else if (k - 1 >= a) lo = a;
    else break;
  }
  let rest = Infinity;
  for (let t = k; t < m; t++) if ((bufH[t] as number) < rest) rest = bufH[t] as number;
  return rest;
}

/**
 * Heap entries are column ids and event ids with a key (distance) and a rank that orders equal
 * keys: a column that ends the search (free, or with room) first, then other columns, then events
 * (a column popped at an event's key is still exact: columns outside the list are no closer).
 */
export const RANK_SINK = 0;
export const RANK_COLUMN = 1;
export const RANK_EVENT = 2;

function before(key: Float64Array, rank: Uint8Array, a: number, b: number): boolean {
  const ka = key[a] as number;
  const kb = key[b] as number;
  return ka < kb || (ka === kb && (rank[a] as number) < (rank[b] as number));
}

/** Puts x into the hole at position p of a binary min-heap, moving it up as far as it goes. */
export function heapUp(heap: Int32Array, pos: Int32Array, key: Float64Array, rank: Uint8Array, p: number, x: number): void {
  while (p > 0) {
    const q = (p - 1) >> 1;
    const y = heap[q] as number;
    if (!before(key, rank, x, y)) break;
    heap[p] = y;
    pos[y] = p;
    p = q;
  }
  heap[p] = x;
  pos[x] = p;
}

/** Puts x into the hole at the root of a heap of `size` entries, moving it down as far as it goes. */
export function heapDown(heap: Int32Array, pos: Int32Array, key: Float64Array, rank: Uint8Array, size: number, x: number): void {
  let p = 0;
  for (;;) {
    let c = 2 * p + 1;
    if (c >= size) break;
    if (c + 1 < size && before(key, rank, heap[c + 1] as number, heap[c] as number)) c++;
    const y = heap[c] as number;
    if (!before(key, rank, y, x)) break;
    heap[p] = y;
    pos[y] = p;
    p = c;
  }
  heap[p] = x;
  pos[x] = p;
}

/**
 * After a search: the prices of the scanned columns fall by (dist - their distance), which makes the
 * path tight and keeps every reduced cost >= 0 (clamped at 0 so a rounding error can never raise a
 * price, which the lists rely on).
 */
export function lowerPrices(v: Float64Array, key: Float64Array, scanned: Int32Array, numScanned: number, dist: number): void {
  for (let t = 0; t < numScanned; t++) {
    const j = scanned[t] as number;
    const change = (key[j] as number) - dist;
    if (change < 0) v[j] = (v[j] as number) + change;
  }
}
