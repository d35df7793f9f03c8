import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/channels.ts';
import type { AssignmentProblem } from './assignment-types.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { WORKPLACE_TYPES } from './profiles.ts';
import type { PairRef } from './propose.ts';
import { proposeMatches } from './propose.ts';
import { solveAssignment } from './solve.ts';
import type { Suggestion, SuggestInput } from './suggest.ts';
import { suggestMentors } from './suggest.ts';
import { bruteForceOptimum } from './test-support/brute-force.ts';
import { referenceExclusion, referenceScore, referenceValues } from './test-support/criteria-reference.ts';
import type { Weights } from './weights.ts';
import { DEFAULT_WEIGHTS, weightsSchema } from './weights.ts';

/**
 * Random pools with full mentors (capacity 0), staff exclusions, previous partners, employers
 * shared across sides, required criteria and a minimum score. Everything suggestMentors says is
 * checked against independent sources: scores and exclusions from the reference written from the
 * documentation (test-support/criteria-reference.ts), optima and forced-pair optima from exhaustive
 * search (test-support/brute-force.ts), and the certificate from solveAssignment on that matrix.
 */

const at = Date.UTC(2026, 0, 15, 12);
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 3 });

const profileArbitrary: fc.Arbitrary<MentorProfile> = fc.record({
  id: fc.constant(''),
  employer: fc.option(fc.constantFrom('Oak Park PL', ' oak park pl ', 'Evanston PL', 'Skokie PL', 'Chicago PL'), {
    nil: undefined,
    freq: 2,
  }),
  workplaceType: maybe(fc.constantFrom(...WORKPLACE_TYPES.slice(0, 3))),
  yearsExperience: maybe(fc.integer({ min: 0, max: 30 })),
  region: maybe(fc.constantFrom('US-IL', 'US-CA')),
  timeZone: maybe(fc.constantFrom('America/Chicago', 'America/New_York', 'Europe/Paris')),
  interests: maybe(fc.array(fc.constantFrom('storytime', 'outreach', 'early literacy', 'teen services', 'makerspaces'), { maxLength: 4 })),
  programGoals: maybe(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 })),
  channels: maybe(fc.array(fc.constantFrom(...CHANNELS), { maxLength: 3 })),
  languages: maybe(fc.array(fc.constantFrom('English', 'Spanish', 'French'), { maxLength: 2 })),
  meetInPerson: maybe(fc.boolean()),
  // Places left: 0 is a full mentor.
  capacity: fc.integer({ min: 0, max: 2 }),
});

const WEIGHTS: readonly Weights[] = [
  DEFAULT_WEIGHTS,
  weightsSchema.parse({ language: { must: true } }),
  weightsSchema.parse({ workplace: { must: true }, experience: { weight: 5 } }),
];

interface Pool {
  readonly input: SuggestInput;
  readonly mentees: MenteeProfile[];
  readonly mentors: MentorProfile[];
  readonly banned: ReadonlySet<string>;
  readonly weights: Weights;
  readonly slack: number;
  readonly limit: number;
}

const poolArbitrary: fc.Arbitrary<Pool> = fc
  .record({
    mentees: fc.array(profileArbitrary, { minLength: 1, maxLength: 7 }),
    // Pools without mentors are in suggest.test.ts.
    mentors: fc.array(profileArbitrary, { minLength: 2, maxLength: 5 }),
    bans: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 8 }),
    weights: fc.constantFrom(DEFAULT_WEIGHTS, ...WEIGHTS),
    minScore: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 40 }) }),
    slack: fc.constantFrom(0, 5, 10, 40),
    limit: fc.constantFrom(1, 2, 6),
  })
  .map((r) => {
    const mentees = r.mentees.map(({ capacity: _capacity, ...p }, i) => ({ ...p, id: `e${i}` }));
    const mentors = r.mentors.map((p, j) => ({ ...p, id: `m${j}` }));
    const previousPartners: PairRef[] = [];
    const forbidden: PairRef[] = [];
    if (mentees.length > 0 && mentors.length > 0) {
      for (const [a, b, previous] of r.bans) {
        const ref = { menteeId: `e${a % mentees.length}`, mentorId: `m${b % mentors.length}` };
        (previous ? previousPartners : forbidden).push(ref);
      }
    }
    const input: SuggestInput = {
      mentees,
      mentors,
      weights: r.weights,
      hardRules: { previousPartners, forbidden },
      minScore: r.minScore,
      referenceDate: at,
      slack: r.slack,
      limit: r.limit,
    };
    const banned = new Set([...previousPartners, ...forbidden].map((p) => `${p.menteeId}/${p.mentorId}`));
    return { input, mentees, mentors, banned, weights: r.weights, slack: r.slack, limit: r.limit };
  });

/** The assignment problem suggestMentors solves, built from the reference criteria. */
function referenceProblem(pool: Pool): AssignmentProblem & { readonly score: Float64Array; readonly capacity: number[] } {
  const { mentees, mentors, weights } = pool;
  const score = new Float64Array(mentees.length * mentors.length);
  mentees.forEach((e, i) =>
    mentors.forEach((m, j) => {
      const values = referenceValues(e, m, weights, at);
      const banned = pool.banned.has(`${e.id}/${m.id}`) ? 'forbidden' : undefined;
      const excluded = referenceExclusion(e, m, banned, values, weights) !== null;
      score[i * mentors.length + j] = excluded ? -Infinity : referenceScore(values, weights);
    }),
  );
  return {
    rows: mentees.length,
    cols: mentors.length,
    score,
    capacity: mentors.map((m) => m.capacity ?? 1),
    minScore: pool.input.minScore,
  };
}

const employerKey = (p: MentorProfile): string => (p.employer ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** What taking mentor j costs mentee i: the pair locked, solved again and searched exhaustively. */
function forcedCost(problem: AssignmentProblem, optimum: { matched: number; total: number }, i: number, j: number) {
  const locked: AssignmentProblem = { ...problem, locked: [[i, j]] };
  const forced = bruteForceOptimum(locked);
  const solved = solveAssignment(locked);
  expect(solved.matched).toBe(forced.matched);
  expect(solved.total).toBeCloseTo(forced.total, 9);
  return {
    forced,
    leaves: forced.matched < optimum.matched,
    pointsLost: Math.max(0, optimum.total - forced.total),
  };
}

/** The documented order's key: optimal partner, then not leaving anyone without, points lost, score, input order. */
const orderKey = (best: boolean, leaves: boolean, pointsLost: number, score: number, j: number): number[] => [
  best ? 0 : 1,
  leaves ? 1 : 0,
  pointsLost,
  -score,
  j,
];

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] as number) - (b[k] as number);
    if (Math.abs(d) > 1e-6) return d;
  }
  return 0;
}

describe('suggestMentors on random pools', () => {
  it('suggests only eligible mentors with places, best first, priced exactly as forcing the pair does', () => {
    fc.assert(
      fc.property(poolArbitrary, (pool) => {
        const { mentees, mentors, limit, slack } = pool;
        const result = suggestMentors(pool.input);
        const problem = referenceProblem(pool);
        const { score, capacity } = problem;
        const m = mentors.length;
        const exhaustive = bruteForceOptimum(problem);
        expect(result.matched).toBe(exhaustive.matched);
        expect(result.total).toBeCloseTo(exhaustive.total, 9);
        const proposal = proposeMatches({ ...pool.input, objective: 'most-matched' });
        expect(proposal.summary.matched).toBe(exhaustive.matched);
        expect(proposal.summary.total).toBeCloseTo(exhaustive.total, 9);
        const { certificate } = solveAssignment(problem);
        const eligible = (i: number, j: number): boolean =>
          (capacity[j] as number) > 0 &&
          score[i * m + j] !== -Infinity &&
          (score[i * m + j] as number) >= (pool.input.minScore ?? -Infinity);

        expect(result.byMentee.map((s) => s.menteeId)).toEqual(mentees.map((e) => e.id));
        const bestLoad = new Array<number>(m).fill(0);
        let bestCount = 0;
        let bestTotal = 0;
        result.byMentee.forEach(({ suggestions, none }, i) => {
          const mentee = mentees[i] as MenteeProfile;
          const options = mentors.map((_, j) => j).filter((j) => eligible(i, j));
          expect(suggestions.length).toBe(Math.min(limit, options.length));
          expect(none === null).toBe(suggestions.length > 0);
          if (none !== null) {
            const anyWithPlaces = mentors.some((_, j) => (capacity[j] as number) > 0 && score[i * m + j] !== -Infinity);
            expect(none.reason).toBe(anyWithPlaces ? 'below-min-score' : 'no-eligible-mentor');
          }
          const keys: number[][] = [];
          suggestions.forEach((s: Suggestion, rank) => {
            const j = mentors.findIndex((x) => x.id === s.mentorId);
            const mentor = mentors[j] as MentorProfile;
            // The hard rules, one by one.
            expect(mentor.capacity ?? 1).toBeGreaterThan(0);
            expect(pool.banned.has(`${mentee.id}/${mentor.id}`)).toBe(false);
            if (employerKey(mentee) !== '') expect(employerKey(mentor)).not.toBe(employerKey(mentee));
            const values = referenceValues(mentee, mentor, pool.weights, at);
            expect(referenceExclusion(mentee, mentor, undefined, values, pool.weights)).toBeNull();
            expect(Object.is(s.score, referenceScore(values, pool.weights))).toBe(true);
            expect(s.score).toBeGreaterThanOrEqual(pool.input.minScore ?? -Infinity);
            // The certificate's reduced cost, recomputed.
            const u = certificate.rowPotential[i] as number;
            const v = certificate.colPotential[j] as number;
            expect(s.reducedCost).toBe(certificate.costOffset - s.score - u - v);
            expect(s.reducedCost).toBeGreaterThanOrEqual(-1e-6);
            // Only the first suggestion can be the optimal partner.
            expect(s.fit === 'best').toBe(rank === 0 && s.fit === 'best');
            if (s.fit === 'best') {
              expect({ pointsLost: s.pointsLost, leaves: s.leavesSomeoneWithout }).toEqual({ pointsLost: 0, leaves: false });
              bestLoad[j] = (bestLoad[j] as number) + 1;
              bestCount++;
              bestTotal += s.score;
            } else {
              // Forcing the pair: the lower bound, and in fact the exact price.
              const truth = forcedCost(problem, exhaustive, i, j);
              expect(s.leavesSomeoneWithout).toBe(truth.leaves);
              expect(truth.forced.matched).toBeGreaterThanOrEqual(exhaustive.matched - 1);
              if (!s.leavesSomeoneWithout) expect(truth.forced.total).toBeLessThanOrEqual(exhaustive.total - s.pointsLost + 1e-6);
              expect(s.pointsLost).toBeCloseTo(truth.pointsLost, 6);
              expect(s.fit).toBe(!s.leavesSomeoneWithout && s.pointsLost <= slack ? 'good' : 'costly');
            }
            keys.push(orderKey(s.fit === 'best', s.leavesSomeoneWithout, s.pointsLost, s.score, j));
          });
          for (let k = 1; k < keys.length; k++) expect(compareKeys(keys[k - 1] as number[], keys[k] as number[])).toBeLessThan(0);
          // Nothing left out ranks before the last suggestion.
          const last = keys.at(-1);
          const shown = new Set(suggestions.map((s) => s.mentorId));
          for (const j of options) {
            if (last === undefined || shown.has((mentors[j] as MentorProfile).id)) continue;
            const truth = forcedCost(problem, exhaustive, i, j);
            // Not the optimal partner: that one is always shown first.
            const key = orderKey(false, truth.leaves, truth.pointsLost, score[i * m + j] as number, j);
            expect(compareKeys(key, last)).toBeGreaterThan(0);
          }
        });
        // The optimal partners form an optimal assignment.
        expect(bestCount).toBe(exhaustive.matched);
        expect(bestTotal).toBeCloseTo(exhaustive.total, 9);
        bestLoad.forEach((load, j) => expect(load).toBeLessThanOrEqual(capacity[j] as number));

        // Demand: for how many mentees each mentor is a top-scoring eligible mentor.
        const bestFor = new Array<number>(m).fill(0);
        mentees.forEach((_, i) => {
          const top = Math.max(...mentors.map((__, j) => (eligible(i, j) ? (score[i * m + j] as number) : -Infinity)));
          mentors.forEach((__, j) => {
            if (top !== -Infinity && eligible(i, j) && score[i * m + j] === top) bestFor[j] = (bestFor[j] as number) + 1;
          });
        });
        expect(result.demand).toEqual(
          mentors.map((x, j) => ({
            mentorId: x.id,
            places: capacity[j],
            bestFor: bestFor[j],
            inHighDemand: (bestFor[j] as number) > (capacity[j] as number),
          })),
        );
      }),
      { numRuns: 300, seed: 20261209 },
    );
  });
});
