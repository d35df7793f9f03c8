import type { AssignmentProblem } from '../../src/matching/assignment-types.ts';
import { preparePopulation } from '../../src/matching/criteria.ts';
import { buildScoreMatrix } from '../../src/matching/score-matrix.ts';
import { TimeZoneOffsets } from '../../src/matching/time-zones.ts';
import { DEFAULT_WEIGHTS } from '../../src/matching/weights.ts';
import { mulberry32 } from '../../src/matching/test-support/prng.ts';
import type { HardShape } from '../../src/matching/test-support/hard-score-shapes.ts';
import { hardShapeScores } from '../../src/matching/test-support/hard-score-shapes.ts';
import { generateMentees, generateMentors } from './profiles-generator.ts';

export interface BenchInstance {
  readonly name: string;
  readonly kind: 'uniform' | 'structured' | HardShape;
  readonly problem: AssignmentProblem & { readonly capacity: readonly number[] };
}

/** Scores uniform in [0, 100) with 6 significant digits; `forbidden` share of pairs is -Infinity. */
export function uniformInstance(seed: number, rows: number, cols: number, capacity = 1, forbidden = 0): BenchInstance {
  const random = mulberry32(seed);
  const score = new Float64Array(rows * cols);
  for (let k = 0; k < score.length; k++) score[k] = random() < forbidden ? -Infinity : Math.round(random() * 1e6) / 1e4;
  return {
    name: `uniform ${rows}x${cols}${capacity > 1 ? ` cap ${capacity}` : ''}${forbidden > 0 ? ` ${forbidden * 100}% forbidden` : ''}`,
    kind: 'uniform',
    problem: { rows, cols, score, capacity: new Array<number>(cols).fill(capacity) },
  };
}

/**
 * Scores from random applicants with the real criteria and default weights: few distinct values,
 * so many ties — the realistic and, for shortest-path solvers, harder case. Same-employer pairs are
 * forbidden as in a real run.
 */
export function structuredInstance(seed: number, rows: number, cols: number, capacity = 1): BenchInstance {
  const random = mulberry32(seed);
  const mentees = generateMentees(random, rows);
  const mentors = generateMentors(random, cols, () => capacity);
  const pop = preparePopulation(mentees, mentors, new TimeZoneOffsets(Date.UTC(2026, 0, 15)));
  const score = buildScoreMatrix(pop, DEFAULT_WEIGHTS, { banned: new Map() });
  return {
    name: `structured ${rows}x${cols}${capacity > 1 ? ` cap ${capacity}` : ''}`,
    kind: 'structured',
    problem: { rows, cols, score, capacity: new Array<number>(cols).fill(capacity) },
  };
}

/**
 * Hard score shapes (issue #16; `hardShapeScores` says what each is): many ties, little structure,
 * used with more mentees than places.
 */
export function hardShapeInstance(shape: HardShape, seed: number, rows: number, cols: number, capacity = 1, forbidden = 0): BenchInstance {
  return {
    name: `${shape} ${rows}x${cols}${capacity > 1 ? ` cap ${capacity}` : ''}${forbidden > 0 ? ` ${forbidden * 100}% forbidden` : ''}`,
    kind: shape,
    problem: { rows, cols, score: hardShapeScores(shape, seed, rows, cols, forbidden), capacity: new Array<number>(cols).fill(capacity) },
  };
}

/** Penalty standing in for a forbidden pair in the references, which need finite costs. */
export const FORBIDDEN_PENALTY = 1e7;

/**
 * The references know no capacities: each mentor column is repeated `capacity` times.
 * Returns a rows x places matrix of scores, forbidden pairs as -FORBIDDEN_PENALTY.
 */
export function expandColumns(instance: BenchInstance): {
  readonly matrix: Float64Array;
  readonly places: number;
  readonly mentorOfPlace: Int32Array;
} {
  const { rows, cols, score, capacity } = instance.problem;
  const mentorOfPlace: number[] = [];
  for (let j = 0; j < cols; j++) for (let c = 0; c < (capacity[j] as number); c++) mentorOfPlace.push(j);
  const places = mentorOfPlace.length;
  const matrix = new Float64Array(rows * places);
  for (let i = 0; i < rows; i++) {
    for (let p = 0; p < places; p++) {
      const s = score[i * cols + (mentorOfPlace[p] as number)] as number;
      matrix[i * places + p] = s === -Infinity || s !== s ? -FORBIDDEN_PENALTY : s;
    }
  }
  return { matrix, places, mentorOfPlace: Int32Array.from(mentorOfPlace) };
}
