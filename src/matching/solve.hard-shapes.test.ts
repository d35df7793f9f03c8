import { describe, expect, it } from 'vitest';
import type { AssignmentProblem, Objective, SolveOptions } from './assignment-types.ts';
import { solveAssignment } from './solve.ts';
import { verifyOptimality } from './verify.ts';
import { HARD_SHAPES, hardShapeScores } from './test-support/hard-score-shapes.ts';
import { hungarianReference } from './test-support/hungarian-reference.ts';

/**
 * The benchmark's hard score shapes (issue #16: additive, three levels, one-dimensional distance)
 * at 300 mentees x 50 mentors with capacity 4 — more mentees than places, so the general solver
 * runs transposed, with the places of a mentor sharing a cost row — and in the square and
 * mentee-inserting orientations too. Every solver variant must reach the same optimum, with a
 * valid certificate; `most-matched` results are checked against an independent Hungarian
 * algorithm on the column-expanded problem.
 */
const VARIANTS: readonly SolveOptions[] = [
  {},
  { rowReduction: false },
  { denseSearch: true },
  { denseSearch: true, rowReduction: false },
  { candidateListTarget: 2 },
  { denseSquare: false },
];

function expectOptimal(problem: AssignmentProblem, reference?: { matched: number; total: number }): void {
  let first: { matched: number; total: number } | undefined;
  for (const options of VARIANTS) {
    const result = solveAssignment(problem, options);
    expect(verifyOptimality(problem, result).violations, JSON.stringify(options)).toEqual([]);
    first ??= { matched: result.matched, total: result.total };
    expect(result.matched, JSON.stringify(options)).toBe(first.matched);
    expect(result.total, JSON.stringify(options)).toBeCloseTo(first.total, 6);
  }
  if (reference !== undefined && first !== undefined) {
    expect(first.matched).toBe(reference.matched);
    expect(first.total).toBeCloseTo(reference.total, 6);
  }
}

describe('solveAssignment on hard score shapes', () => {
  for (const shape of HARD_SHAPES) {
    for (const forbidden of [0, 0.05]) {
      for (const objective of ['most-matched', 'total-score'] as Objective[]) {
        it(`${shape}, ${forbidden * 100}% forbidden, 300 x 50 capacity 4, ${objective}`, () => {
          const problem: AssignmentProblem = {
            rows: 300,
            cols: 50,
            score: hardShapeScores(shape, 21, 300, 50, forbidden),
            capacity: new Array<number>(50).fill(4),
            objective,
          };
          expectOptimal(problem, objective === 'most-matched' ? hungarianReference(problem) : undefined);
        });
      }
    }
    it(`${shape}: 120 x 120 (square) and 100 x 60 capacity 2 (mentees inserted)`, () => {
      const square: AssignmentProblem = { rows: 120, cols: 120, score: hardShapeScores(shape, 22, 120, 120, 0.05) };
      expectOptimal(square, hungarianReference(square));
      const wide: AssignmentProblem = {
        rows: 100,
        cols: 60,
        score: hardShapeScores(shape, 23, 100, 60),
        capacity: new Array<number>(60).fill(2),
      };
      expectOptimal(wide, hungarianReference(wide));
    });
  }

  it('additive without forbidden pairs: the best-scoring mentees fill every place', () => {
    const [rows, cols, capacity] = [300, 50, 4];
    const score = hardShapeScores('additive', 24, rows, cols);
    const result = solveAssignment({ rows, cols, score, capacity: new Array<number>(cols).fill(capacity) });
    // score = a_i + b_j: any assignment of the same mentees totals the same, so the optimum takes
    // the 200 mentees with the largest a_i (read off column 0) and every place's b_j.
    const a = Array.from({ length: rows }, (_, i) => (score[i * cols] as number) - (score[0] as number));
    const b = Array.from({ length: cols }, (_, j) => (score[j] as number) - (a[0] as number));
    const top = [...a].sort((x, y) => y - x).slice(0, cols * capacity);
    const expected = top.reduce((x, y) => x + y, 0) + capacity * b.reduce((x, y) => x + y, 0);
    expect(result.matched).toBe(cols * capacity);
    expect(result.total).toBeCloseTo(expected, 6);
  });
});
