/**
 * What the two exact solvers (`shortest-paths.ts`, `dense-square.ts`) share around their Dijkstra
 * searches: in-range typed-array reads, the heap's arrays with its own size (operated by heapUp /
 * heapDown from `candidate-lists.ts`), and the counted-work rule that switches the sparse searches
 * to dense ones. The relax and search loops themselves stay in each solver (see their comments).
 *
 * The sparse searches' hot functions (sparseSearch, rowEvent, relaxRow in each solver) read typed
 * arrays with `as number` and call heapUp/heapDown directly rather than through f64/i32 or heap
 * wrappers: every call counts against V8's inlining budget, and with the wrappers relaxRow was no
 * longer inlined into sparseSearch (or heapUp into relaxRow), which cost 10–20 % of the search
 * time in profiles of the 2000 x 500 capacity instances. relaxRow must stay under V8's limit of
 * 460 bytes of bytecode to be inlined (452 and 447 now; check with
 * `node --print-bytecode --print-bytecode-filter=relaxRow`).
 */

/**
 * Reads a[i] for an index the caller knows is in range. noUncheckedIndexedAccess types every
 * typed-array read as `number | undefined`; an in-range read never is. One helper per array type,
 * so each stays monomorphic (V8 inlines them).
 */
export function f64(a: Float64Array, i: number): number {
  return a[i] as number;
}

/** As f64, for Int32Array. */
export function i32(a: Int32Array, i: number): number {
  return a[i] as number;
}

/**
 * Binary min-heap over keys: columns at 0..cols-1, row r's event at cols + r (order by key, then
 * rank: a column with room, a column, an event; see `candidate-lists.ts`). items[0 .. size) is the
 * heap, pos[x] the place of entry x in it.
 */
export interface SearchHeap {
  readonly key: Float64Array;
  readonly rank: Uint8Array;
  readonly items: Int32Array;
  readonly pos: Int32Array;
  size: number;
}

export function makeHeap(entries: number): SearchHeap {
  return {
    key: new Float64Array(entries),
    rank: new Uint8Array(entries),
    items: new Int32Array(entries),
    pos: new Int32Array(entries),
    size: 0,
  };
}

/**
 * Switch to dense searches for the rest of the phase once the sparse ones have needed more
 * full-row passes (list rebuilds and full relaxations at events) than this share of the columns
 * they popped, counted after at least SPARSE_MIN_PASSES passes: the lists then do not hold the
 * searches (scores with long shortest paths, such as one-dimensional distances), and a dense
 * search costs one pass per scanned column without the heap. Work counts, not time: deterministic.
 */
const SPARSE_MAX_PASS_SHARE = 0.5;
const SPARSE_MIN_PASSES = 64;

/** The sparse searches' work so far. */
export interface SparseWork {
  /** Full-row passes: list rebuilds at events and full relaxations. */
  fullPasses: number;
  /** Columns popped from the heap. */
  popped: number;
}

export function sparseStopsPaying(w: SparseWork): boolean {
  return w.fullPasses >= SPARSE_MIN_PASSES && w.fullPasses > SPARSE_MAX_PASS_SHARE * w.popped;
}
