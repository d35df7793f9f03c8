import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignmentProblem, Objective } from './assignment-types.ts';
import { solveAssignment } from './solve.ts';
import { verifyOptimality } from './verify.ts';
import { bruteForceOptimum } from './test-support/brute-force.ts';

/**
 * Small instances with integer scores (so sums are exact and ties are real), forbidden pairs,
 * capacities 0..3, locks and a minimum score, compared against exhaustive search.
 */
const problemArbitrary = fc
  .record({
    rows: fc.integer({ min: 0, max: 8 }),
    cols: fc.integer({ min: 0, max: 8 }),
    objective: fc.constantFrom<Objective>('most-matched', 'total-score'),
    useCapacity: fc.boolean(),
    useMinScore: fc.boolean(),
    minScore: fc.integer({ min: -3, max: 5 }),
    seedCells: fc.array(fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -5, max: 10 }) },
      { weight: 1, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    ), { minLength: 64, maxLength: 64 }),
    seedCaps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
    lockPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  })
  .map((r): AssignmentProblem => {
    const score = new Float64Array(r.rows * r.cols);
    for (let k = 0; k < score.length; k++) score[k] = r.seedCells[k] as number;
    const capacity = r.useCapacity ? r.seedCaps.slice(0, r.cols) : undefined;
    const minScore = r.useMinScore ? r.minScore : undefined;
    // Keep only locks that are valid, so the solver must honour them rather than reject them.
    const locked: [number, number][] = [];
    const used = new Array<number>(r.cols).fill(0);
    const lockedRows = new Set<number>();
    if (r.rows > 0 && r.cols > 0) {
      for (const [a, b] of r.lockPicks) {
        const i = a % r.rows;
        const j = b % r.cols;
        const s = score[i * r.cols + j] as number;
        const ok = s >= (minScore ?? -Infinity) && s !== -Infinity;
        if (!ok || lockedRows.has(i) || (used[j] as number) >= (capacity?.[j] ?? 1)) continue;
        lockedRows.add(i);
        used[j] = (used[j] as number) + 1;
        locked.push([i, j]);
      }
    }
    return { rows: r.rows, cols: r.cols, score, capacity, minScore, locked, objective: r.objective };
  });

describe('solveAssignment against brute force', () => {
  it('finds the exhaustive optimum on small instances, with a valid certificate', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const expected = bruteForceOptimum(problem);
        const result = solveAssignment(problem);
        expect({ matched: result.matched, total: result.total }).toEqual(expected);
        const report = verifyOptimality(problem, result);
        expect(report.violations).toEqual([]);
        // The exact phase alone, without the warm start, must reach the same optimum.
        const cold = solveAssignment(problem, { rowReduction: false });
        expect({ matched: cold.matched, total: cold.total }).toEqual(expected);
        expect(verifyOptimality(problem, cold).violations).toEqual([]);
        // And the general solver alone, without the square LAPJV path.
        const general = solveAssignment(problem, { denseSquare: false });
        expect({ matched: general.matched, total: general.total }).toEqual(expected);
        expect(verifyOptimality(problem, general).violations).toEqual([]);
      }),
      { numRuns: 1500, seed: 20260301 },
    );
  });

  it('square single-place most-matched (the LAPJV path): ties, forbidden pairs, minimum score, locks', () => {
    // Few distinct scores so column reduction, ARR and the Dijkstra phase all meet ties; capacity 2
    // with a lock leaves the locked mentor one place, so locks can still give a square problem.
    const squareArbitrary = fc
      .record({
        n: fc.integer({ min: 1, max: 7 }),
        cells: fc.array(fc.oneof(
          { weight: 10, arbitrary: fc.constantFrom(0, 1, 2, 2, 3, 5) },
          { weight: 1, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) },
          { weight: 1, arbitrary: fc.constant(Number.NaN) },
        ), { minLength: 64, maxLength: 64 }),
        useMinScore: fc.boolean(),
        lock: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
      })
      .map((r): AssignmentProblem => {
        const locked: [number, number][] = [];
        let rows = r.n;
        let capacity: number[] | undefined;
        if (r.lock !== undefined) {
          // One extra mentee locked to a mentor of capacity 2: the free problem stays n x n.
          rows = r.n + 1;
          const j = r.lock[1] % r.n;
          capacity = Array.from({ length: r.n }, (_, c) => (c === j ? 2 : 1));
          locked.push([r.lock[0] % rows, j]);
        }
        const score = new Float64Array(rows * r.n);
        for (let k = 0; k < score.length; k++) score[k] = r.cells[k % 64] as number;
        for (const [i, j] of locked) score[i * r.n + j] = 4;
        return { rows, cols: r.n, score, capacity, locked, minScore: r.useMinScore ? 1 : undefined };
      });
    fc.assert(
      fc.property(squareArbitrary, (problem) => {
        const expected = bruteForceOptimum(problem);
        for (const options of [{}, { rowReduction: false }, { denseSquare: false }]) {
          const result = solveAssignment(problem, options);
          expect({ matched: result.matched, total: result.total }).toEqual(expected);
          expect(verifyOptimality(problem, result).violations).toEqual([]);
        }
      }),
      { numRuns: 1500, seed: 20260302 },
    );
  });

  it('handles ties: all scores equal', () => {
    fc.assert(
      fc.property(problemArbitrary, (base) => {
        const problem = { ...base, minScore: undefined, score: base.score.map((s) => (Number.isFinite(s) ? 1 : s)) };
        expect(solveAssignment(problem).matched).toBe(bruteForceOptimum(problem).matched);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const before = Float64Array.from(problem.score);
        const a = solveAssignment(problem);
        const b = solveAssignment(problem);
        expect(Array.from(a.mentorOf)).toEqual(Array.from(b.mentorOf));
        expect(Object.is(a.total, b.total)).toBe(true);
        expect(Array.from(problem.score)).toEqual(Array.from(before));
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
