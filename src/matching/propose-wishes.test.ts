import { describe, expect, it } from 'vitest';
import { generateMentees, generateMentors } from '../../bench/matching/profiles-generator.ts';
import type { MatchingInputError } from './errors.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { ProposeInput } from './propose.ts';
import { proposeMatches } from './propose.ts';
import { rankCandidates } from './rank-candidates.ts';
import { mulberry32, randomInt } from './test-support/prng.ts';
import { weightsSchema } from './weights.ts';
import { librarian } from './test-support/librarian.ts';

const referenceDate = Date.UTC(2026, 0, 15);

/** A pair's own criteria score, from the ranking (no wishes there). */
const ownScore = (mentee: MenteeProfile, mentor: MentorProfile): number =>
  rankCandidates({ person: mentee, side: 'mentee', candidates: [mentor], referenceDate }).ranked[0]?.score as number;

const partnerOf = (input: ProposeInput, menteeId: string): string | undefined =>
  proposeMatches(input).pairs.find((p) => p.menteeId === menteeId)?.mentorId;

describe('proposeMatches with wishes', () => {
  // Dana fits Mo slightly better than Lee: one time zone apart.
  const dana = librarian('dana');
  const mo = librarian('mo', { yearsExperience: 9 });
  const lee = librarian('lee', { yearsExperience: 9, timeZone: 'America/New_York' });
  const base: ProposeInput = { mentees: [dana], mentors: [mo, lee], referenceDate };

  it('a wish flips a near tie, and the pair says so first', () => {
    const gap = ownScore(dana, mo) - ownScore(dana, lee);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(10);
    expect(partnerOf(base, 'dana')).toBe('mo');
    const proposal = proposeMatches({ ...base, wishes: [{ menteeId: 'dana', mentorId: 'lee', rank: 1 }] });
    const [pair] = proposal.pairs;
    expect(pair?.mentorId).toBe('lee');
    expect(pair?.reasons[0]).toEqual({
      criterion: 'wish',
      weight: 10,
      value: 1,
      points: 10,
      text: 'asked for this mentor (1st choice)',
      polarity: 'for',
    });
    expect(pair?.explanation).toMatch(/^asked for this mentor \(1st choice\); 3 shared interests/);
    expect(pair?.reasons.slice(1)).toEqual(proposeMatches({ ...base, mentors: [lee] }).pairs[0]?.reasons);
  });

  it('a lower rank adds less: wishWeight / rank', () => {
    const gap = ownScore(dana, mo) - ownScore(dana, lee);
    const third = { menteeId: 'dana', mentorId: 'lee', rank: 3 };
    // With a weight of 2, a first choice covers the gap (about 1 point) and a third (2 / 3) does not.
    expect(gap).toBeGreaterThan(2 / 3);
    expect(gap).toBeLessThan(2);
    expect(partnerOf({ ...base, wishes: [{ ...third, rank: 1 }], wishWeight: 2 }, 'dana')).toBe('lee');
    const light = proposeMatches({ ...base, wishes: [third], wishWeight: 2 });
    expect(light.pairs[0]?.mentorId).toBe('mo');
    expect(light.pairs[0]?.reasons.map((r) => r.criterion)).not.toContain('wish');
    const heavy = proposeMatches({ ...base, wishes: [third], wishWeight: 3 * gap + 1 });
    expect(heavy.pairs[0]?.mentorId).toBe('lee');
    expect(heavy.pairs[0]?.reasons[0]).toMatchObject({ text: 'asked for this mentor (3rd choice)', points: gap + 1 / 3 });
    // Asking twice for one mentor counts the better rank once.
    const twice = proposeMatches({ ...base, wishes: [third, { ...third, rank: 1 }] });
    expect(twice.pairs[0]?.reasons.filter((r) => r.criterion === 'wish').map((r) => r.text)).toEqual([
      'asked for this mentor (1st choice)',
    ]);
  });

  it('reports the pairs’ own scores, not the bonus', () => {
    const ella = librarian('ella', { interests: ['teen services'] });
    const mentees = [dana, ella];
    const mentors = [mo, lee];
    const wishes = [
      { menteeId: 'dana', mentorId: 'lee', rank: 1 },
      { menteeId: 'ella', mentorId: 'mo', rank: 2 },
    ];
    const proposal = proposeMatches({ mentees, mentors, wishes, referenceDate });
    const byId = new Map([...mentees, ...mentors].map((p) => [p.id, p]));
    const own = proposal.pairs.map((p) => ownScore(byId.get(p.menteeId) as MenteeProfile, byId.get(p.mentorId) as MentorProfile));
    expect(proposal.pairs.map((p) => p.score)).toEqual(own);
    expect(proposal.summary).toEqual({
      matched: 2,
      unmatched: 0,
      total: (own[0] as number) + (own[1] as number),
      meanScore: ((own[0] as number) + (own[1] as number)) / 2,
      worstScore: Math.min(...own),
    });
    expect(proposal.pairs.every((p) => p.reasons[0]?.criterion === 'wish')).toBe(true);
  });

  it('never overrides a hard rule', () => {
    const wish = { menteeId: 'dana', mentorId: 'lee', rank: 1 };
    const huge = { wishes: [wish], wishWeight: 1000 };
    const unmatched = (input: ProposeInput): string | undefined => proposeMatches(input).unmatched[0]?.explanation;
    // Excluded by staff, a previous partner, the same employer, a required criterion, no places.
    expect(partnerOf({ ...base, ...huge, hardRules: { forbidden: [wish] } }, 'dana')).toBe('mo');
    expect(partnerOf({ ...base, ...huge, hardRules: { previousPartners: [wish] } }, 'dana')).toBe('mo');
    const sameEmployer = { ...base, mentees: [{ ...dana, employer: 'Oak Park PL' }], mentors: [mo, { ...lee, employer: 'oak park pl' }] };
    expect(partnerOf({ ...sameEmployer, ...huge }, 'dana')).toBe('mo');
    const onlyLee = { ...base, mentors: [lee], hardRules: { forbidden: [wish] } };
    expect(unmatched({ ...onlyLee, ...huge })).toBe(unmatched(onlyLee));
    expect(unmatched({ ...onlyLee, ...huge })).toBe('no eligible mentor (1 excluded by staff)');
    const mustLanguage = {
      ...base,
      mentors: [mo, { ...lee, languages: ['French'] }],
      weights: weightsSchema.parse({ language: { must: true } }),
    };
    expect(partnerOf({ ...mustLanguage, ...huge }, 'dana')).toBe('mo');
    expect(partnerOf({ ...base, ...huge, mentors: [mo, { ...lee, capacity: 0 }] }, 'dana')).toBe('mo');
    // Below the minimum score: the bonus does not lift a pair over it.
    const leeScore = ownScore(dana, lee);
    const strict = { ...base, mentors: [lee], minScore: leeScore + 1 };
    expect(proposeMatches({ ...strict, ...huge }).unmatched[0]?.reason).toBe('below-min-score');
    // A wish for an eligible pair still applies beside the rules.
    expect(partnerOf({ ...base, ...huge, hardRules: { forbidden: [{ menteeId: 'dana', mentorId: 'mo' }] } }, 'dana')).toBe('lee');
  });

  it('a zero weight changes nothing but the words', () => {
    const wishes = [{ menteeId: 'dana', mentorId: 'mo', rank: 1 }];
    const plain = proposeMatches(base);
    const zero = proposeMatches({ ...base, wishes, wishWeight: 0 });
    expect(zero.summary).toEqual(plain.summary);
    expect(zero.pairs[0]?.reasons.slice(1)).toEqual(plain.pairs[0]?.reasons);
    expect(zero.pairs[0]?.reasons[0]).toMatchObject({ criterion: 'wish', points: 0 });
  });

  it('on generated programs: hard rules hold, scores are the pairs’ own, wished pairs say so', () => {
    for (const seed of [1, 2, 3, 4]) {
      const random = mulberry32(seed);
      const mentees = generateMentees(random, 40);
      const mentors = generateMentors(random, 15, () => randomInt(random, 0, 3));
      const ref = (): { menteeId: string; mentorId: string } => ({
        menteeId: (mentees[randomInt(random, 0, 39)] as MenteeProfile).id,
        mentorId: (mentors[randomInt(random, 0, 14)] as MentorProfile).id,
      });
      const forbidden = Array.from({ length: 30 }, ref);
      // Half the wishes name forbidden pairs.
      const wishes = [...forbidden.slice(0, 15), ...Array.from({ length: 40 }, ref)].map((w) => ({ ...w, rank: randomInt(random, 1, 3) }));
      const minScore = 35;
      const proposal = proposeMatches({ mentees, mentors, hardRules: { forbidden }, wishes, wishWeight: 30, minScore, referenceDate });
      const byId = new Map([...mentees, ...mentors].map((p) => [p.id, p]));
      const key = (p: { menteeId: string; mentorId: string }): string => `${p.menteeId}/${p.mentorId}`;
      const banned = new Set(forbidden.map(key));
      const bestRank = new Map<string, number>();
      for (const w of wishes) bestRank.set(key(w), Math.min(w.rank, bestRank.get(key(w)) ?? Infinity));
      const load = new Map<string, number>();
      let total = 0;
      for (const pair of proposal.pairs) {
        const mentor = byId.get(pair.mentorId) as MentorProfile;
        expect(banned.has(key(pair))).toBe(false);
        expect(pair.score).toBe(ownScore(byId.get(pair.menteeId) as MenteeProfile, mentor));
        expect(pair.score).toBeGreaterThanOrEqual(minScore);
        const rank = bestRank.get(key(pair));
        const wishReasons = pair.reasons.filter((r) => r.criterion === 'wish');
        expect(wishReasons.length).toBe(rank === undefined ? 0 : 1);
        if (rank !== undefined) expect(pair.reasons[0]).toMatchObject({ criterion: 'wish', points: 30 / rank });
        load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
        total += pair.score;
      }
      for (const [id, count] of load) expect(count).toBeLessThanOrEqual((byId.get(id) as MentorProfile).capacity ?? 1);
      expect(proposal.summary.total).toBe(total);
    }
  });

  it('rejects unknown ids and bad ranks or weights with MatchingInputError', () => {
    const codeOf = (extra: Partial<ProposeInput>): string => {
      try {
        proposeMatches({ ...base, ...extra });
      } catch (error) {
        return (error as MatchingInputError).code;
      }
      return 'ok';
    };
    expect(codeOf({ wishes: [{ menteeId: 'nobody', mentorId: 'mo', rank: 1 }] })).toBe('UNKNOWN_ID');
    expect(codeOf({ wishes: [{ menteeId: 'dana', mentorId: 'nobody', rank: 1 }] })).toBe('UNKNOWN_ID');
    expect(codeOf({ wishes: [{ menteeId: 'dana', mentorId: 'mo', rank: 0 }] })).toBe('BAD_WEIGHTS');
    expect(codeOf({ wishes: [{ menteeId: 'dana', mentorId: 'mo', rank: 1.5 }] })).toBe('BAD_WEIGHTS');
    expect(codeOf({ wishWeight: -1 })).toBe('BAD_WEIGHTS');
    expect(codeOf({ wishWeight: Number.NaN })).toBe('BAD_WEIGHTS');
    expect(codeOf({ wishes: [], wishWeight: 25 })).toBe('ok');
  });
});
