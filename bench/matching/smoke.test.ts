import { describe, expect, it } from 'vitest';
import { benchInstance, defaultBenchOptions, formatRow } from './bench.ts';
import { expandColumns, hardShapeInstance, structuredInstance, uniformInstance } from './instances.ts';

/** The benchmark code on tiny instances, so it cannot rot between real runs. */
describe('matching benchmark (smoke)', () => {
  it('runs all three solvers on tiny instances and they agree', () => {
    const options = { ...defaultBenchOptions(), repeats: () => 1 };
    for (const instance of [
      uniformInstance(1, 30, 30),
      structuredInstance(2, 30, 30),
      uniformInstance(3, 40, 10, 4, 0.05),
      structuredInstance(4, 40, 10, 4),
      // The hard shapes, more mentees than places (solved place by place).
      hardShapeInstance('additive', 6, 60, 10, 4),
      hardShapeInstance('three-levels', 7, 60, 10, 4, 0.05),
      hardShapeInstance('distance-1d', 8, 60, 10, 4),
    ]) {
      const row = benchInstance(instance, options);
      expect(row.agree, formatRow(row)).toBe(true);
      expect(row.certified).toBe(true);
      expect(row.munkres).not.toBeNull();
    }
  });

  it('expands capacities into repeated columns for the references', () => {
    const { places, mentorOfPlace } = expandColumns(uniformInstance(5, 3, 2, 2));
    expect(places).toBe(4);
    expect(Array.from(mentorOfPlace)).toEqual([0, 0, 1, 1]);
  });
});
