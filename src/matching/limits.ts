/**
 * Documented size limits of the engine. A dense Float64 matrix of 50 million pairs is 400 MB,
 * and the solver keeps one more of the same size (the cost matrix), so this keeps a run under
 * about 1 GB of matrix memory.
 */
export const MAX_PAIRS = 50_000_000;
/** Scores must stay within this magnitude so the `most-matched` cost transform stays exact. */
export const MAX_ABS_SCORE = 1e9;
