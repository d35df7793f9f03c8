import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { rankCandidates, rankCandidatesInSlices } from './rank-candidates.ts';
import type { Ranking } from './rank-candidates.ts';

const referenceDate = Date.UTC(2026, 0, 15);
const INTERESTS = ['archives', 'cataloguing', 'coding', 'storytime', 'outreach'];
const ZONES = ['America/Chicago', 'Europe/Berlin', 'Asia/Tokyo'];

const profile = fc.record({
  interests: fc.subarray(INTERESTS),
  timeZone: fc.constantFrom(...ZONES),
  yearsExperience: fc.integer({ min: 0, max: 30 }),
  languages: fc.subarray(['English', 'French', 'Spanish'], { minLength: 1 }),
  employer: fc.constantFrom('Library A', 'Library B', 'Library C'),
});

describe('ranking one person’s candidates', () => {
  it('with a limit, returns exactly the head of the full ranking, explained the same, and excludes the same', () => {
    fc.assert(
      fc.property(
        profile,
        fc.array(profile, { maxLength: 40 }),
        fc.constantFrom('mentee', 'mentor'),
        fc.integer({ min: 0, max: 45 }),
        fc.option(fc.double({ min: 0, max: 0.8, noNaN: true }), { nil: undefined }),
        (person, others, side, limit, minScore) => {
          const input = {
            person: { id: 'p', ...person } as MenteeProfile | MentorProfile,
            side: side as 'mentee' | 'mentor',
            candidates: others.map((o, k) => ({ id: `c${k}`, ...o })) as (MenteeProfile | MentorProfile)[],
            referenceDate,
            ...(minScore !== undefined && { minScore }),
            previousPartners: others.length > 2 ? ['c1'] : [],
          };
          const all = rankCandidates(input);
          const head = rankCandidates({ ...input, limit });
          expect(head.ranked).toEqual(all.ranked.slice(0, limit));
          expect(head.excluded).toEqual(all.excluded);
          const scores = all.ranked.map((r) => r.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in slices, ranks exactly as in one go, pausing once between each two slices', () => {
    const run = (steps: Generator<void, Ranking, void>) => {
      let pauses = 0;
      for (;;) {
        const step = steps.next();
        if (step.done) return { ranking: step.value, pauses };
        pauses += 1;
      }
    };
    fc.assert(
      fc.property(
        profile,
        fc.array(profile, { maxLength: 40 }),
        fc.constantFrom('mentee', 'mentor'),
        fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.double({ min: 0, max: 0.8, noNaN: true }), { nil: undefined }),
        (person, others, side, limit, sliceSize, minScore) => {
          const input = {
            person: { id: 'p', ...person } as MenteeProfile | MentorProfile,
            side: side as 'mentee' | 'mentor',
            candidates: others.map((o, k) => ({ id: `c${k}`, ...o })) as (MenteeProfile | MentorProfile)[],
            referenceDate,
            ...(minScore !== undefined && { minScore }),
            ...(limit !== undefined && { limit }),
            previousPartners: others.length > 2 ? ['c1'] : [],
            forbidden: others.length > 5 ? ['c4'] : [],
          };
          const { ranking, pauses } = run(rankCandidatesInSlices(input, sliceSize));
          expect(ranking).toEqual(rankCandidates(input));
          expect(pauses).toBe(Math.max(0, Math.ceil(others.length / sliceSize) - 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in slices, still refuses a candidate twice, even in different slices', () => {
    const c = { interests: [], timeZone: 'America/Chicago', yearsExperience: 3, languages: ['English'] };
    const steps = rankCandidatesInSlices(
      {
        person: { id: 'p', ...c } as MenteeProfile,
        side: 'mentee',
        candidates: [
          { id: 'a', ...c },
          { id: 'b', ...c },
          { id: 'a', ...c },
        ] as MentorProfile[],
        referenceDate,
      },
      2,
    );
    expect(() => steps.next()).toThrow('Duplicate candidate id "a".');
  });
});
