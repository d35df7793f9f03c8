import { describe, expect, it } from 'vitest';
import { participantReasons } from './explain.ts';
import type { Reason } from './explain.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { rankCandidates } from './rank-candidates.ts';

const referenceDate = Date.UTC(2026, 0, 15);

function reasonsOf(mentee: Omit<MenteeProfile, 'id'>, mentor: Omit<MentorProfile, 'id'>): readonly Reason[] {
  const ranking = rankCandidates({ person: { id: 'e', ...mentee }, side: 'mentee', candidates: [{ id: 'r', ...mentor }], referenceDate });
  return ranking.ranked[0]?.reasons ?? [];
}

describe('reasons for and against a pair', () => {
  it('a shared interest is a reason for the pair, even below half of the saturation', () => {
    const reasons = reasonsOf({ interests: ['cataloguing', 'storytime', 'archives'] }, { interests: ['storytime', 'coding'] });
    expect(reasons.find((r) => r.criterion === 'interests')).toMatchObject({ polarity: 'for', text: '1 shared interest (storytime)' });
  });

  it('no shared interest is a reason against', () => {
    const reasons = reasonsOf({ interests: ['cataloguing'] }, { interests: ['coding'] });
    expect(reasons.find((r) => r.criterion === 'interests')).toMatchObject({ polarity: 'against', value: 0 });
  });
});

describe('participantReasons: what the two people may read', () => {
  it('keeps what speaks for the pair and drops the downsides', () => {
    const reasons = reasonsOf(
      { interests: ['cataloguing'], languages: ['English'], timeZone: 'Europe/Berlin', yearsExperience: 2 },
      { interests: ['coding'], languages: ['English'], timeZone: 'Europe/Berlin', yearsExperience: 10 },
    );
    const words = participantReasons(reasons).map((r) => r.text);
    expect(words).toEqual(expect.arrayContaining(['same time zone', 'both speak English', 'mentor has 8 years more experience']));
    expect(words.join('; ')).not.toMatch(/none of the mentee's interests/);
    expect(reasons.some((r) => r.polarity === 'against')).toBe(true);
  });

  it('never shows experience outside the ideal band, even when it still helped ("a wide gap")', () => {
    const reasons = reasonsOf({ yearsExperience: 1 }, { yearsExperience: 21 });
    const experience = reasons.find((r) => r.criterion === 'experience');
    expect(experience).toMatchObject({ polarity: 'for', text: 'mentor has 20 years more experience (a wide gap)' });
    expect(participantReasons(reasons).map((r) => r.criterion)).not.toContain('experience');
  });

  it('never shows a confidential preference, even one that was met', () => {
    const reasons = reasonsOf(
      { preferences: { preferSameGender: true, gender: 'woman' }, languages: ['English'] },
      { preferences: { gender: 'woman' }, languages: ['English'] },
    );
    expect(reasons.find((r) => r.criterion === 'preferences')).toMatchObject({ polarity: 'for' });
    expect(participantReasons(reasons).map((r) => r.criterion)).toEqual(['language']);
  });
});
