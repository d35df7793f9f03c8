import { describe, expect, it } from 'vitest';
import { draftFromWeights, formatScore, weightsFromDraft } from './criteria.ts';

const base = {
  goals: { weight: 3, must: false },
  interests: { weight: 3, must: false },
  workplace: { weight: 2, must: false },
  experience: { weight: 2, must: false, idealMin: 3, idealMax: 15, falloff: 10 },
  channels: { weight: 1, must: false },
  timeZone: { weight: 1, must: false, zeroAtHours: 6 },
  region: { weight: 1, must: false },
  language: { weight: 2, must: true },
  preferences: { weight: 2, must: false },
};

describe('weights panel', () => {
  it('round-trips the starting weights', () => {
    expect(weightsFromDraft(draftFromWeights(base), base)).toEqual({ ok: true, weights: base });
  });
  it('reads edited numbers and keeps the falloff', () => {
    const d = draftFromWeights(base);
    d.criteria.goals = { weight: '5.5', must: true };
    d.idealMax = '20';
    const checked = weightsFromDraft(d, base);
    expect(checked.ok && checked.weights.goals).toEqual({ weight: 5.5, must: true });
    expect(checked.ok && checked.weights.experience).toEqual({ weight: 2, must: false, idealMin: 3, idealMax: 20, falloff: 10 });
  });
  it('names each field that is out of range', () => {
    const d = draftFromWeights(base);
    d.criteria.region.weight = '11';
    d.criteria.language.weight = '';
    d.idealMax = '2';
    d.zeroAtHours = '0';
    const checked = weightsFromDraft(d, base);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors).sort()).toEqual(['idealMax', 'language', 'region', 'zeroAtHours']);
  });
  it('formats scores for reading', () => {
    expect(formatScore(72.04)).toBe('72');
    expect(formatScore(72.06)).toBe('72.1');
    expect(formatScore(null)).toBe('—');
  });
});
