import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignmentProblem } from './assignment-types.ts';
import { pairForcings } from './pair-forcing.ts';
import { solveAssignment } from './solve.ts';
import { bruteForceOptimum } from './test-support/brute-force.ts';

/**
 * Every allowed pair, forced by a lock and solved exhaustively, against what pairForcings reads
 * off the optimum's certificate: the same number matched fewer, the same total lost. Integer
 * scores, so ties are real and sums exact; capacities 0..3 (more mentees than places, and the
 * other way round), forbidden pairs and a minimum score.
 */
const problemArbitrary = fc
  .record({
    rows: fc.integer({ min: 0, max: 7 }),
    cols: fc.integer({ min: 0, max: 6 }),
    cells: fc.array(
      fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 2, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) }),
      { minLength: 42, maxLength: 42 },
    ),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
    minScore: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  })
  .map((r) => ({
    rows: r.rows,
    cols: r.cols,
    score: Float64Array.from({ length: r.rows * r.cols }, (_, k) => r.cells[k] as number),
    capacity: r.capacity.slice(0, r.cols),
    minScore: r.minScore,
  }));

describe('pairForcings', () => {
  it('prices every allowed pair exactly as forcing it and solving again does', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.boolean(), (problem, denseSquare) => {
        const optimum = solveAssignment(problem, { denseSquare });
        const forcing = pairForcings(problem, optimum);
        const { costOffset, unmatchedCost, rowPotential: u, colPotential: v } = optimum.certificate;
        for (let i = 0; i < problem.rows; i++) {
          for (let j = 0; j < problem.cols; j++) {
            const s = problem.score[i * problem.cols + j] as number;
            const allowed = s !== -Infinity && s >= (problem.minScore ?? -Infinity) && (problem.capacity[j] as number) > 0;
            const priced = forcing(i, j);
            expect(priced === null).toBe(!allowed);
            if (priced === null) continue;
            const forced: AssignmentProblem = { ...problem, locked: [[i, j]] };
            const best = bruteForceOptimum(forced);
            expect(priced.fewerMatched).toBe(optimum.matched - best.matched);
            expect(priced.scoreDrop).toBeCloseTo(optimum.total - best.total, 6);
            // The certificate's reduced cost is a lower bound on the extra cost, never more.
            const reduced = costOffset - s - (u[i] as number) - (v[j] as number);
            expect(priced.extraCost).toBeGreaterThanOrEqual(reduced - 1e-6);
            expect(priced.extraCost).toBeCloseTo(priced.scoreDrop + (unmatchedCost - costOffset) * priced.fewerMatched, 6);
          }
        }
      }),
      { numRuns: 600, seed: 20261208 },
    );
  });

  it('sees what the reduced cost alone misses: a mentor who is another mentee’s only option', () => {
    // A: X 50, Y 100; B: Y 10 only. The solver's certificate prices A / Y at reduced cost 0.
    const problem = { rows: 2, cols: 2, score: Float64Array.from([50, 100, -Infinity, 10]), capacity: [1, 1] };
    const optimum = solveAssignment(problem);
    const forcing = pairForcings(problem, optimum);
    expect(forcing(0, 1)).toMatchObject({ fewerMatched: 1, scoreDrop: -40 });
    expect(forcing(0, 0)).toEqual({ extraCost: 0, fewerMatched: 0, scoreDrop: 0 });
    expect(forcing(1, 0)).toBeNull();
  });
});
