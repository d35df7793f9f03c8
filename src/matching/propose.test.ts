import { describe, expect, it } from 'vitest';
import { generateMentees, generateMentors } from '../../bench/matching/profiles-generator.ts';
import { CRITERIA, CRITERION_INDEX, evaluatePair, preparePopulation, weightVector } from './criteria.ts';
import type { MatchingInputError } from './errors.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { proposeMatches } from './propose.ts';
import { buildScoreMatrix, scoreOf } from './score-matrix.ts';
import { TimeZoneOffsets } from './time-zones.ts';
import { mulberry32, randomInt } from './test-support/prng.ts';
import { DEFAULT_WEIGHTS, weightsSchema } from './weights.ts';
import { librarian } from './test-support/librarian.ts';

const referenceDate = Date.UTC(2026, 0, 15);

function population(seed: number, mentees: number, mentors: number): { mentees: MenteeProfile[]; mentors: MentorProfile[] } {
  const random = mulberry32(seed);
  return { mentees: generateMentees(random, mentees), mentors: generateMentors(random, mentors, () => randomInt(random, 0, 3)) };
}

describe('score matrix', () => {
  it('the score matrix scores exactly like evaluatePair (also with must criteria)', () => {
    const { mentees, mentors } = population(1, 60, 40);
    const weights = weightsSchema.parse({ language: { must: true }, experience: { weight: 5 } });
    const offsets = new TimeZoneOffsets(referenceDate);
    const pop = preparePopulation(mentees, mentors, offsets);
    const score = buildScoreMatrix(pop, weights, { banned: new Map() });
    const values = new Float64Array(CRITERIA.length);
    const { w, sum } = weightVector(weights);
    for (let i = 0; i < 60; i++) {
      for (let j = 0; j < 40; j++) {
        evaluatePair(pop, weights, i, j, values);
        const employer = pop.mentees.employer[i] as number;
        const conflict = employer >= 0 && employer === pop.mentors.employer[j];
        const expected = conflict || values[CRITERION_INDEX.language] === 0 ? -Infinity : scoreOf(values, w, sum);
        expect(score[i * 40 + j]).toBe(expected);
      }
    }
  });
});

describe('proposeMatches', () => {
  it('explains a pair in plain words, strongest first, including what counted against it', () => {
    const proposal = proposeMatches({
      mentees: [librarian('e1', { programGoals: [1, 3] })],
      mentors: [
        librarian('m1', {
          yearsExperience: 10,
          programGoals: [3],
          languages: ['Spanish'],
          interests: ['outreach', 'storytime', 'early literacy', 'teen services'],
        }),
      ],
      referenceDate,
    });
    const [pair] = proposal.pairs;
    expect(pair?.explanation).toBe(
      '1 shared program goal (3); 3 shared interests (storytime, outreach, early literacy); both in public libraries; mentor has 8 years more experience; both prefer video calls; same time zone; different languages',
    );
    expect(pair?.reasons.at(-1)).toMatchObject({ criterion: 'language', polarity: 'against', value: 0 });
    expect(pair?.score).toBeCloseTo((100 * (3 + 3 + 2 + 2 + 1 + 1)) / 17, 10);
  });

  it('names shared program goals by title when the caller gives the titles', () => {
    const proposal = proposeMatches({
      mentees: [librarian('e1', { programGoals: [1, 3] })],
      mentors: [librarian('m1', { programGoals: [3, 1] })],
      referenceDate,
      goalNames: { 1: 'Grow early-career confidence', 3: 'Learn from peers' },
    });
    expect(proposal.pairs[0]?.explanation).toMatch(/^2 shared program goals \(Grow early-career confidence, Learn from peers\);/);
  });

  it('names only criteria that apply, and describes them truthfully', () => {
    const { mentees, mentors } = population(2, 80, 30);
    const proposal = proposeMatches({ mentees, mentors, referenceDate });
    const offsets = new TimeZoneOffsets(referenceDate);
    const byId = new Map([...mentees, ...mentors].map((p) => [p.id, p]));
    expect(proposal.pairs.length).toBeGreaterThan(0);
    for (const pair of proposal.pairs) {
      const a = byId.get(pair.menteeId) as MenteeProfile;
      const b = byId.get(pair.mentorId) as MentorProfile;
      const named = new Set(pair.reasons.map((r) => r.criterion));
      expect(named.has('region')).toBe(a.meetInPerson === true && b.meetInPerson === true);
      expect(named.has('preferences')).toBe(a.preferences?.preferSameGender === true || b.preferences?.preferSameGender === true);
      for (const r of pair.reasons) {
        if (r.criterion === 'workplace') expect(r.value === 1).toBe(a.workplaceType === b.workplaceType);
        if (r.criterion === 'timeZone' && r.text === 'same time zone')
          expect(offsets.minutes(a.timeZone)).toBe(offsets.minutes(b.timeZone));
        if (r.criterion === 'language' && r.text === 'different languages') {
          expect((a.languages ?? []).some((l) => (b.languages ?? []).includes(l))).toBe(false);
        }
      }
      expect(pair.explanation).toBe(pair.reasons.map((r) => r.text).join('; '));
    }
    const missing = proposeMatches({ mentees: [{ id: 'e' }], mentors: [{ id: 'm' }], referenceDate });
    expect(missing.pairs[0]?.reasons).toEqual([]);
  });

  it('never breaks a hard rule', () => {
    const { mentees, mentors } = population(3, 120, 50);
    const previousPartners = mentees.slice(0, 40).map((e, k) => ({ menteeId: e.id, mentorId: (mentors[k % 50] as MentorProfile).id }));
    const forbidden = mentees.slice(40, 80).map((e, k) => ({ menteeId: e.id, mentorId: (mentors[(k * 7) % 50] as MentorProfile).id }));
    const weights = weightsSchema.parse({ workplace: { must: true } });
    const proposal = proposeMatches({ mentees, mentors, weights, hardRules: { previousPartners, forbidden }, minScore: 40, referenceDate });
    const byId = new Map([...mentees, ...mentors].map((p) => [p.id, p as MentorProfile]));
    const used = new Map<string, number>();
    const banned = new Set([...previousPartners, ...forbidden].map((p) => `${p.menteeId}/${p.mentorId}`));
    for (const pair of proposal.pairs) {
      const a = byId.get(pair.menteeId) as MentorProfile;
      const b = byId.get(pair.mentorId) as MentorProfile;
      expect(banned.has(`${pair.menteeId}/${pair.mentorId}`)).toBe(false);
      expect(a.employer?.trim().toLowerCase()).not.toBe(b.employer?.trim().toLowerCase());
      expect(a.workplaceType).toBe(b.workplaceType);
      expect(pair.score).toBeGreaterThanOrEqual(40);
      used.set(b.id, (used.get(b.id) ?? 0) + 1);
    }
    for (const [id, count] of used) expect(count).toBeLessThanOrEqual(byId.get(id)?.capacity ?? 1);
    expect(proposal.summary.matched + proposal.summary.unmatched).toBe(120);
  });

  it('is deterministic', () => {
    const { mentees, mentors } = population(4, 70, 30);
    expect(proposeMatches({ mentees, mentors, referenceDate })).toEqual(proposeMatches({ mentees, mentors, referenceDate }));
  });

  it('keeps locked pairs and says why mentees are unmatched', () => {
    const mentees = [
      librarian('e1', { employer: 'Oak Park PL' }),
      librarian('e2'),
      librarian('e3', { interests: ['coding clubs'] }),
      librarian('e4'),
    ];
    const mentors = [
      librarian('m1', { employer: ' oak park pl ', capacity: 2, yearsExperience: 9 }),
      librarian('m2', { yearsExperience: 9 }),
    ];
    const proposal = proposeMatches({
      mentees,
      mentors,
      hardRules: {
        locked: [{ menteeId: 'e4', mentorId: 'm2' }],
        previousPartners: [
          { menteeId: 'e3', mentorId: 'm2' },
          { menteeId: 'e1', mentorId: 'm2' },
        ],
      },
      minScore: 60,
      referenceDate,
    });
    expect(proposal.pairs.find((p) => p.menteeId === 'e4')).toMatchObject({ mentorId: 'm2', locked: true });
    expect(proposal.unmatched.find((u) => u.menteeId === 'e1')).toMatchObject({ reason: 'no-eligible-mentor' });
    expect(proposal.unmatched.find((u) => u.menteeId === 'e1')?.explanation).toBe(
      'no eligible mentor (1 at the same employer, 1 previous partner)',
    );
    expect(proposal.unmatched.find((u) => u.menteeId === 'e3')?.reason).toBe('below-min-score');
    const full = proposeMatches({
      mentees: [librarian('e1'), librarian('e2')],
      mentors: [librarian('m1', { yearsExperience: 9 })],
      referenceDate,
    });
    expect(full.unmatched).toEqual([expect.objectContaining({ menteeId: 'e2', reason: 'mentors-full' })]);
    expect(full.summary).toMatchObject({ matched: 1, unmatched: 1 });
  });

  it('rejects bad input with MatchingInputError', () => {
    const mentees = [librarian('e1')];
    const mentors = [librarian('m1', { employer: 'X' })];
    const run = (extra: object): unknown => {
      try {
        proposeMatches({ mentees, mentors, referenceDate, ...extra });
      } catch (error) {
        return (error as MatchingInputError).code;
      }
      return 'ok';
    };
    expect(run({ mentees: [librarian('e1'), librarian('e1')] })).toBe('DUPLICATE_ID');
    expect(run({ hardRules: { forbidden: [{ menteeId: 'e1', mentorId: 'nobody' }] } })).toBe('UNKNOWN_ID');
    expect(run({ mentees: [librarian('e1', { employer: 'x ' })], hardRules: { locked: [{ menteeId: 'e1', mentorId: 'm1' }] } })).toBe(
      'LOCK_FORBIDDEN',
    );
    expect(run({ referenceDate: Number.NaN })).toBe('BAD_REFERENCE_DATE');
  });
});

describe('weightsSchema', () => {
  it('fills in defaults and rejects nonsense', () => {
    expect(weightsSchema.parse({})).toEqual(DEFAULT_WEIGHTS);
    expect(weightsSchema.parse({ timeZone: { zeroAtHours: 3 } }).timeZone).toEqual({ weight: 1, must: false, zeroAtHours: 3 });
    expect(weightsSchema.safeParse({ goals: { weight: -1 } }).success).toBe(false);
    expect(weightsSchema.safeParse({ colour: { weight: 1 } }).success).toBe(false);
    expect(weightsSchema.safeParse({ experience: { idealMin: 20, idealMax: 5 } }).success).toBe(false);
  });
});
