import { describe, expect, it } from 'vitest';
import type { MatchingInputError } from './errors.ts';
import type { SuggestInput } from './suggest.ts';
import { suggestMentors } from './suggest.ts';
import { librarian } from './test-support/librarian.ts';

const referenceDate = Date.UTC(2026, 0, 15);

/** Mentor ids with their fit, in the order suggested. */
const picks = (input: SuggestInput, menteeId: string): string[] =>
  suggestMentors(input)
    .byMentee.find((m) => m.menteeId === menteeId)
    ?.suggestions.map((s) => `${s.mentorId}:${s.fit}`) ?? [];

describe('suggestMentors', () => {
  // Ana fits Yusuf best but can also take Xin; Ben works where Xin works, so Yusuf is his only option.
  const ana = librarian('ana');
  const ben = librarian('ben', { employer: 'Skokie PL' });
  const xin = librarian('xin', { yearsExperience: 9, employer: 'skokie pl ', interests: ['storytime', 'teen services', 'makerspaces'] });
  const yusuf = librarian('yusuf', { yearsExperience: 9 });

  it("marks another mentee's only option as costly: taking it leaves someone without a mentor", () => {
    const result = suggestMentors({ mentees: [ana, ben], mentors: [xin, yusuf], referenceDate });
    const [forAna, forBen] = result.byMentee;
    expect(forAna?.suggestions.map((s) => [s.mentorId, s.fit, s.leavesSomeoneWithout])).toEqual([
      ['xin', 'best', false],
      ['yusuf', 'costly', true],
    ]);
    // Yusuf scores higher for Ana: the price is Ben's place, not Ana's score.
    expect(forAna?.suggestions[1]?.score).toBeGreaterThan(forAna?.suggestions[0]?.score as number);
    expect(forBen?.suggestions.map((s) => [s.mentorId, s.fit])).toEqual([['yusuf', 'best']]);
    expect(result).toMatchObject({ matched: 2 });
    expect(result.demand).toEqual([
      { mentorId: 'xin', places: 1, bestFor: 0, inHighDemand: false },
      { mentorId: 'yusuf', places: 1, bestFor: 2, inHighDemand: true },
    ]);
  });

  it('with room for both, the same choice is free', () => {
    const result = suggestMentors({ mentees: [ana, ben], mentors: [xin, { ...yusuf, capacity: 2 }], referenceDate });
    const [forAna, forBen] = result.byMentee;
    expect(forAna?.suggestions[0]).toMatchObject({ mentorId: 'yusuf', fit: 'best', pointsLost: 0, leavesSomeoneWithout: false });
    expect(forAna?.suggestions[0]?.explanation).toMatch(/^3 shared interests \(storytime, outreach, early literacy\)/);
    expect(forAna?.suggestions[1]).toMatchObject({ mentorId: 'xin', leavesSomeoneWithout: false });
    expect(forBen?.suggestions[0]).toMatchObject({ mentorId: 'yusuf', fit: 'best' });
    expect(result.demand[1]).toEqual({ mentorId: 'yusuf', places: 2, bestFor: 2, inHighDemand: false });
  });

  it('says how many points a second choice costs, and calls it good within the slack', () => {
    const input = { mentees: [ana], mentors: [xin, yusuf], referenceDate };
    const [best, second] = suggestMentors(input).byMentee[0]?.suggestions ?? [];
    expect([best?.mentorId, second?.mentorId]).toEqual(['yusuf', 'xin']);
    const gap = (best?.score as number) - (second?.score as number);
    expect(second?.pointsLost).toBeCloseTo(gap, 6);
    expect(picks({ ...input, slack: gap + 1 }, 'ana')).toEqual(['yusuf:best', 'xin:good']);
    expect(picks({ ...input, slack: gap - 1 }, 'ana')).toEqual(['yusuf:best', 'xin:costly']);
    expect(picks({ ...input, limit: 1 }, 'ana')).toEqual(['yusuf:best']);
  });

  it('never suggests a full mentor, however well it fits', () => {
    const star = librarian('star', { yearsExperience: 9, programGoals: [1], capacity: 0 });
    const result = suggestMentors({ mentees: [ana, ben], mentors: [star, xin, yusuf], referenceDate });
    for (const m of result.byMentee) expect(m.suggestions.map((s) => s.mentorId)).not.toContain('star');
    expect(result.demand[0]).toEqual({ mentorId: 'star', places: 0, bestFor: 0, inHighDemand: false });
  });

  it('a mentee left out of the optimum still gets choices, priced by whom they displace', () => {
    // One place, two mentees: Ana has it; Ben could only take it from her.
    const result = suggestMentors({ mentees: [ana, librarian('cara')], mentors: [yusuf], referenceDate });
    expect(result.matched).toBe(1);
    const [forCara] = result.byMentee[1]?.suggestions ?? [];
    // Cara scores the same with Yusuf as Ana, so swapping them costs nothing and matches as many.
    expect(forCara).toMatchObject({ mentorId: 'yusuf', fit: 'good', pointsLost: 0, leavesSomeoneWithout: false });
  });

  it('handles empty pools and full programs', () => {
    expect(suggestMentors({ mentees: [], mentors: [], referenceDate })).toEqual({ byMentee: [], demand: [], total: 0, matched: 0 });
    const noMentees = suggestMentors({ mentees: [], mentors: [xin], referenceDate });
    expect(noMentees.demand).toEqual([{ mentorId: 'xin', places: 1, bestFor: 0, inHighDemand: false }]);
    const noMentors = suggestMentors({ mentees: [ana], mentors: [], referenceDate });
    expect(noMentors.byMentee).toEqual([
      { menteeId: 'ana', suggestions: [], none: { reason: 'no-eligible-mentor', explanation: 'no eligible mentor: there are no mentors' } },
    ]);
    const full = suggestMentors({
      mentees: [ana, ben],
      mentors: [
        { ...xin, capacity: 0 },
        { ...yusuf, capacity: 0 },
      ],
      referenceDate,
    });
    expect(full.byMentee.map((m) => m.none?.explanation)).toEqual([
      'no eligible mentor (2 taking no mentees)',
      'no eligible mentor (1 at the same employer, 1 taking no mentees)',
    ]);
    expect(full).toMatchObject({ total: 0, matched: 0 });
    const tooLow = suggestMentors({ mentees: [ana], mentors: [xin], minScore: 99, referenceDate });
    expect(tooLow.byMentee[0]?.none?.reason).toBe('below-min-score');
  });

  it('reports progress up to 1 and rejects bad input with MatchingInputError', () => {
    const seen: number[] = [];
    suggestMentors({ mentees: [ana, ben], mentors: [xin, yusuf], referenceDate, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const codeOf = (extra: Partial<SuggestInput>): string => {
      try {
        suggestMentors({ mentees: [ana], mentors: [xin], referenceDate, ...extra });
      } catch (error) {
        return (error as MatchingInputError).code;
      }
      return 'ok';
    };
    expect(codeOf({ hardRules: { forbidden: [{ menteeId: 'ana', mentorId: 'nobody' }] } })).toBe('UNKNOWN_ID');
    expect(codeOf({ mentors: [xin, xin] })).toBe('DUPLICATE_ID');
    expect(codeOf({ limit: 0 })).toBe('BAD_SIZE');
    expect(codeOf({ slack: -1 })).toBe('BAD_MIN_SCORE');
    expect(codeOf({ referenceDate: Number.NaN })).toBe('BAD_REFERENCE_DATE');
    expect(codeOf({ mentors: [{ ...xin, capacity: 1.5 }] })).toBe('BAD_CAPACITY');
  });
});
