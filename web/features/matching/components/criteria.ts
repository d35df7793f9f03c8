import type { WeightsView } from '../../../../src/shared/api/matching.ts';

export type CriterionKey = keyof WeightsView;

/** The matcher's criteria in plain words, in the order the panel shows them. */
export const CRITERIA: readonly { key: CriterionKey; label: string; hint: string }[] = [
  { key: 'goals', label: 'Shared program goals', hint: 'Both chose the same program goals.' },
  { key: 'interests', label: 'Interests and expertise', hint: 'The mentee’s interests meet the mentor’s expertise.' },
  { key: 'workplace', label: 'Same kind of workplace', hint: 'Both work in, say, public libraries.' },
  { key: 'experience', label: 'Experience gap', hint: 'The mentor is usefully further along, not a world away.' },
  { key: 'channels', label: 'Shared ways to keep in touch', hint: 'Both like video calls, e-mail, and so on.' },
  { key: 'timeZone', label: 'Time-zone distance', hint: 'Fewer hours apart scores higher.' },
  { key: 'region', label: 'Same region (can meet in person)', hint: 'Both would meet in person and live in the same region.' },
  { key: 'language', label: 'Shared language', hint: 'They have a language in common.' },
  { key: 'preferences', label: 'Stated preferences', hint: 'Confidential wishes, such as a same-gender match.' },
];

export const CRITERION_LABELS: Record<string, string> = Object.fromEntries(CRITERIA.map((c) => [c.key, c.label]));

export interface WeightsDraft {
  criteria: Record<CriterionKey, { weight: string; must: boolean }>;
  idealMin: string;
  idealMax: string;
  zeroAtHours: string;
}

export function draftFromWeights(w: WeightsView): WeightsDraft {
  const criteria = Object.fromEntries(
    CRITERIA.map((c) => [c.key, { weight: String(w[c.key].weight), must: w[c.key].must }]),
  ) as WeightsDraft['criteria'];
  return {
    criteria,
    idealMin: String(w.experience.idealMin),
    idealMax: String(w.experience.idealMax),
    zeroAtHours: String(w.timeZone.zeroAtHours),
  };
}

export type WeightsCheck = { ok: true; weights: WeightsView } | { ok: false; errors: Record<string, string> };

function parse(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * The panel's numbers back into the engine's weights, keeping what the panel doesn't show
 * (the experience falloff) from the starting weights. Errors are keyed by criterion or field.
 */
export function weightsFromDraft(d: WeightsDraft, base: WeightsView): WeightsCheck {
  const errors: Record<string, string> = {};
  const weight = (key: CriterionKey) => {
    const n = parse(d.criteria[key].weight);
    if (!Number.isFinite(n) || n < 0 || n > 10) errors[key] = 'Use a number from 0 to 10.';
    return { weight: n, must: d.criteria[key].must };
  };
  const idealMin = parse(d.idealMin);
  const idealMax = parse(d.idealMax);
  const zeroAtHours = parse(d.zeroAtHours);
  if (!Number.isFinite(idealMin) || idealMin < 0) errors.idealMin = 'Use a number of years, 0 or more.';
  if (!Number.isFinite(idealMax) || idealMax < 0) errors.idealMax = 'Use a number of years, 0 or more.';
  else if (Number.isFinite(idealMin) && idealMax < idealMin) errors.idealMax = 'The widest gap must be at least the narrowest.';
  if (!Number.isFinite(zeroAtHours) || zeroAtHours <= 0 || zeroAtHours > 24) errors.zeroAtHours = 'Use a number of hours from 1 to 24.';
  const weights: WeightsView = {
    goals: weight('goals'),
    interests: weight('interests'),
    workplace: weight('workplace'),
    experience: { ...weight('experience'), idealMin, idealMax, falloff: base.experience.falloff },
    channels: weight('channels'),
    timeZone: { ...weight('timeZone'), zeroAtHours },
    region: weight('region'),
    language: weight('language'),
    preferences: weight('preferences'),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, weights };
}

/** A score for people: one decimal, no trailing ".0". */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  return (Math.round(score * 10) / 10).toString();
}
