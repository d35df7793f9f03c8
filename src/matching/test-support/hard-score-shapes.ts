import { mulberry32 } from './prng.ts';

/**
 * Score shapes that are hard for shortest-path solvers (issue #16): many ties, little structure.
 * Seeded and deterministic; `forbidden` is the share of pairs set to -Infinity. Shared by the
 * tests and the benchmark (`bench/matching/instances.ts`).
 */
export type HardShape = 'additive' | 'three-levels' | 'distance-1d';

export const HARD_SHAPES: readonly HardShape[] = ['additive', 'three-levels', 'distance-1d'];

/**
 * - additive: score = a_mentee + b_mentor, a and b on a grid of 0.25 in [0, 50) (about 400
 *   distinct sums). Without forbidden pairs every assignment of the same mentees totals the same:
 *   the solver must find the mentees to leave out among many equal ones.
 * - three-levels: every score is 0, 50 or 100, equally likely.
 * - distance-1d: mentees and mentors are points on a line (uniform in [0, 100), not rounded),
 *   score = 100 - |x_mentee - y_mentor|: near ties everywhere and long shortest paths.
 */
export function hardShapeScores(shape: HardShape, seed: number, rows: number, cols: number, forbidden = 0): Float64Array {
  const random = mulberry32(seed);
  const score = new Float64Array(rows * cols);
  let pair: (i: number, j: number) => number;
  if (shape === 'additive') {
    const a = Array.from({ length: rows }, () => Math.floor(random() * 200) / 4);
    const b = Array.from({ length: cols }, () => Math.floor(random() * 200) / 4);
    pair = (i, j) => (a[i] as number) + (b[j] as number);
  } else if (shape === 'three-levels') {
    pair = () => 50 * Math.floor(random() * 3);
  } else {
    const x = Array.from({ length: rows }, () => random() * 100);
    const y = Array.from({ length: cols }, () => random() * 100);
    pair = (i, j) => 100 - Math.abs((x[i] as number) - (y[j] as number));
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) score[i * cols + j] = random() < forbidden ? -Infinity : pair(i, j);
  }
  return score;
}
