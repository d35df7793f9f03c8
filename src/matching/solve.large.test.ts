import { describe, expect, it } from 'vitest';
import type { AssignmentProblem } from './assignment-types.ts';
import { solveAssignment } from './solve.ts';
import { verifyOptimality } from './verify.ts';
import { mulberry32, randomInt } from './test-support/prng.ts';

function randomProblem(seed: number, rows: number, cols: number, extra: Partial<AssignmentProblem> = {}): AssignmentProblem {
  const random = mulberry32(seed);
  const score = new Float64Array(rows * cols);
  for (let k = 0; k < score.length; k++) score[k] = random() < 0.05 ? -Infinity : Math.round(random() * 1000) / 10;
  return { rows, cols, score, ...extra };
}

describe('solveAssignment on large random instances (checked by the certificate)', () => {
  it('300 x 300, most-matched', () => {
    const problem = randomProblem(1, 300, 300);
    const result = solveAssignment(problem);
    expect(verifyOptimality(problem, result).violations).toEqual([]);
    expect(result.matched).toBe(300);
  });

  it('400 x 100 with capacities 0..6, both objectives, locks and a minimum score', () => {
    const random = mulberry32(2);
    const capacity = Array.from({ length: 100 }, () => randomInt(random, 0, 6));
    for (const objective of ['most-matched', 'total-score'] as const) {
      const base = randomProblem(3, 400, 100, { capacity, objective, minScore: 20 });
      const first = solveAssignment(base);
      // Lock a few pairs the first run did not choose, so the locks bind.
      const locked: [number, number][] = [];
      for (let i = 0; i < 400 && locked.length < 5; i++) {
        const j = (first.mentorOf[i] as number) + 1;
        if (
          j > 0 &&
          j < 100 &&
          (base.score[i * 100 + j] as number) >= 20 &&
          (capacity[j] as number) > locked.filter((l) => l[1] === j).length
        ) {
          locked.push([i, j]);
        }
      }
      const problem = { ...base, locked };
      const result = solveAssignment(problem);
      expect(verifyOptimality(problem, result).violations).toEqual([]);
      for (const [i, j] of locked) expect(result.mentorOf[i]).toBe(j);
      expect(result.total).toBeLessThanOrEqual(first.total + 1e-9);
    }
  });

  it('total-score leaves negative pairs unmatched', () => {
    const random = mulberry32(4);
    const score = new Float64Array(200 * 150).map(() => random() * 100 - 99.5);
    const problem: AssignmentProblem = { rows: 200, cols: 150, score, objective: 'total-score' };
    const result = solveAssignment(problem);
    expect(verifyOptimality(problem, result).violations).toEqual([]);
    for (let i = 0; i < 200; i++) {
      const j = result.mentorOf[i] as number;
      if (j >= 0) expect(score[i * 150 + j]).toBeGreaterThanOrEqual(0);
    }
    expect(result.matched).toBeLessThan(150);
  });

  it('the checker rejects a non-optimal result', () => {
    const problem = randomProblem(5, 60, 60);
    const result = solveAssignment(problem);
    const mentorOf = Int32Array.from(result.mentorOf);
    const a = mentorOf[0] as number;
    mentorOf[0] = mentorOf[1] as number;
    mentorOf[1] = a;
    const swapped = { ...result, mentorOf };
    expect(verifyOptimality(problem, swapped).optimal).toBe(false);
  });

  it('reports progress and ends at 1', () => {
    const fractions: number[] = [];
    solveAssignment(randomProblem(6, 120, 100), { onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, k) => k === 0 || f >= (fractions[k - 1] as number))).toBe(true);
  });
});
