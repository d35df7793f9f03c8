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
    seedCells: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: -5, max: 10 }) },
        { weight: 1, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) },
        { weight: 1, arbitrary: fc.constant(Number.NaN) },
      ),
      { minLength: 64, maxLength: 64 },
    ),
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
        // And the general solver alone, without the square LAPJV path: with its default lists, with
        // lists of 2–4 columns (rebuilds, events, full-row relaxations), and with dense searches.
        for (const options of [
          { denseSquare: false },
          { denseSquare: false, candidateListTarget: 2 },
          { denseSquare: false, candidateListTarget: 2, rowReduction: false },
          { denseSquare: false, denseSearch: true },
        ]) {
          const general = solveAssignment(problem, options);
          expect({ matched: general.matched, total: general.total }).toEqual(expected);
          expect(verifyOptimality(problem, general).violations).toEqual([]);
        }
      }),
      { numRuns: 1500, seed: 20260301 },
    );
  });

  it('general solver with candidate lists on larger problems agrees with its dense searches', () => {
    // Capacities, forbidden pairs, both objectives, both orientations (more mentees than places is
    // solved place by place), few distinct scores; the dense searches are the reference.
    const arbitrary = fc
      .record({
        rows: fc.integer({ min: 9, max: 60 }),
        cols: fc.integer({ min: 2, max: 30 }),
        levels: fc.integer({ min: 2, max: 20 }),
        forbidden: fc.constantFrom(0, 0.1, 0.4),
        maxCapacity: fc.integer({ min: 0, max: 4 }),
        objective: fc.constantFrom<Objective>('most-matched', 'total-score'),
        seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        listTarget: fc.constantFrom(2, 3, 5, 16),
        rowReduction: fc.boolean(),
        fractional: fc.boolean(),
      })
      .map((r) => {
        const next = lcg(r.seed);
        const score = randomScores(next, r.rows * r.cols, r.forbidden, (x) =>
          r.fractional ? Math.round((x * r.levels - 2) * 1000) / 1000 : Math.floor(x * r.levels) - 2,
        );
        const capacity = Array.from({ length: r.cols }, () => Math.floor(next() * (r.maxCapacity + 1)));
        const problem: AssignmentProblem = { rows: r.rows, cols: r.cols, score, capacity, objective: r.objective };
        return { problem, options: { denseSquare: false, candidateListTarget: r.listTarget, rowReduction: r.rowReduction } };
      });
    fc.assert(
      fc.property(arbitrary, ({ problem, options }) => {
        const reference = solveAssignment(problem, { denseSquare: false, denseSearch: true });
        const result = solveAssignment(problem, options);
        expect(result.matched).toBe(reference.matched);
        expect(Math.abs(result.total - reference.total)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(reference.total)));
        expect(verifyOptimality(problem, result).violations).toEqual([]);
      }),
      { numRuns: 400, seed: 20260304 },
    );
  });

  it('square single-place most-matched (the LAPJV path): ties, forbidden pairs, minimum score, locks', () => {
    // Few distinct scores so column reduction, ARR and the Dijkstra phase all meet ties; capacity 2
    // with a lock leaves the locked mentor one place, so locks can still give a square problem.
    const squareArbitrary = fc
      .record({
        n: fc.integer({ min: 1, max: 7 }),
        cells: fc.array(
          fc.oneof(
            { weight: 10, arbitrary: fc.constantFrom(0, 1, 2, 2, 3, 5) },
            { weight: 1, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) },
            { weight: 1, arbitrary: fc.constant(Number.NaN) },
          ),
          { minLength: 64, maxLength: 64 },
        ),
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
        for (const options of [
          {},
          { rowReduction: false },
          { denseSquare: false },
          // Candidate lists of 2–4 columns: list rebuilds, Dijkstra events and full-row relaxations.
          { candidateListTarget: 2 },
          { candidateListTarget: 2, rowReduction: false },
          // The dense searches the Dijkstra phase falls back to.
          { denseSearch: true },
          { denseSearch: true, rowReduction: false },
        ]) {
          const result = solveAssignment(problem, options);
          expect({ matched: result.matched, total: result.total }).toEqual(expected);
          expect(verifyOptimality(problem, result).violations).toEqual([]);
        }
      }),
      { numRuns: 1500, seed: 20260302 },
    );
  });

  it('LAPJV path with candidate lists on larger squares agrees with the general solver', () => {
    // Too large for brute force: the general solver (checked against brute force above) is the
    // reference, and every result must carry a valid certificate. Few distinct scores (ties),
    // forbidden pairs, and short lists so rows outgrow their lists and are rebuilt mid-search.
    const squareArbitrary = fc
      .record({
        n: fc.integer({ min: 9, max: 48 }),
        levels: fc.integer({ min: 2, max: 12 }),
        forbidden: fc.constantFrom(0, 0.05, 0.3),
        seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        listTarget: fc.constantFrom(2, 3, 5, 16),
        rowReduction: fc.boolean(),
        denseSearch: fc.boolean(),
        fractional: fc.boolean(),
      })
      .map((r) => {
        const score = randomScores(lcg(r.seed), r.n * r.n, r.forbidden, (x) =>
          r.fractional ? Math.round(x * r.levels * 1000) / 1000 : Math.floor(x * r.levels) * 1.5,
        );
        const problem: AssignmentProblem = { rows: r.n, cols: r.n, score };
        return { problem, options: { candidateListTarget: r.listTarget, rowReduction: r.rowReduction, denseSearch: r.denseSearch } };
      });
    fc.assert(
      fc.property(squareArbitrary, ({ problem, options }) => {
        const reference = solveAssignment(problem, { denseSquare: false });
        const result = solveAssignment(problem, options);
        expect(result.matched).toBe(reference.matched);
        expect(Math.abs(result.total - reference.total)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(reference.total)));
        expect(verifyOptimality(problem, result).violations).toEqual([]);
      }),
      { numRuns: 400, seed: 20260303 },
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

/** Deterministic uniform numbers in [0, 1) from a seed (32-bit LCG). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** `length` scores: level(next()) each, then forbidden (-Infinity) with probability `forbidden`. */
function randomScores(next: () => number, length: number, forbidden: number, level: (x: number) => number): Float64Array {
  const score = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    const s = level(next());
    score[k] = next() < forbidden ? Number.NEGATIVE_INFINITY : s;
  }
  return score;
}
