import type { Criterion } from './criteria.ts';
import { CRITERION_TABLE } from './criteria.ts';
import type { GoalNames } from './explain-words.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { TimeZoneOffsets } from './time-zones.ts';
import type { Weights } from './weights.ts';

export type { GoalNames };

/** One reason behind a pair's score, for a web page to render. */
export interface Reason {
  /** A criterion, or 'wish': the mentee asked for this mentor (proposeMatches' `wishes`). */
  readonly criterion: Criterion | 'wish';
  /** The criterion's weight in this run (for a wish: the wish weight). */
  readonly weight: number;
  /** The criterion's value, 0..1 (for a wish: 1 / rank). */
  readonly value: number;
  /** Points (of 100) this criterion added to the score (for a wish: the bonus the solver saw, not part of the score). */
  readonly points: number;
  /** Plain words, e.g. "same time zone". */
  readonly text: string;
  /**
   * `for`: it helped (value >= 0.5, or for a criterion counting shared items, anything shared);
   * `against`: it counted against the pair.
   */
  readonly polarity: 'for' | 'against';
}

/**
 * Reasons for a pair from its criterion values (as scored): only criteria that apply and carry
 * weight, strongest first — what helped by points added, then what counted against it by points
 * lost. The words are each criterion's `explain` in CRITERION_TABLE.
 */
export function explainPair(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  values: Float64Array,
  weights: Weights,
  offsets: TimeZoneOffsets,
  goalNames?: GoalNames,
): Reason[] {
  let weightSum = 0;
  for (const c of CRITERION_TABLE) weightSum += weights[c.name].weight;
  const reasons: Reason[] = [];
  CRITERION_TABLE.forEach((c, k) => {
    const value = values[k] as number;
    const weight = weights[c.name].weight;
    if (value !== value || weight <= 0) return;
    reasons.push({
      criterion: c.name,
      weight,
      value,
      points: weightSum > 0 ? (100 * weight * value) / weightSum : 0,
      text: c.explain({ mentee, mentor, value, weights, offsets, goalNames }),
      // One shared interest of a saturation of three scores 1/3, yet it is a reason for the pair.
      polarity: value >= 0.5 || (c.saturation !== undefined && value > 0) ? 'for' : 'against',
    });
  });
  const lost = (r: Reason): number => r.weight * (1 - r.value);
  return [
    ...reasons.filter((r) => r.polarity === 'for').sort((x, y) => y.points - x.points),
    ...reasons.filter((r) => r.polarity === 'against').sort((x, y) => lost(y) - lost(x)),
  ];
}

export function explanationText(reasons: readonly Reason[]): string {
  return reasons.map((r) => r.text).join('; ');
}

/**
 * What the two people themselves may read of their pair's reasons: only what speaks for it, in
 * friendly words. Staff and the committee see both sides. Never a preference (confidential: it
 * could reveal, say, a stated gender), and experience only inside the ideal band ("a wide gap",
 * "only 1 year more" are downsides even when they still helped).
 */
export function participantReasons<R extends Pick<Reason, 'criterion' | 'polarity' | 'value'>>(reasons: readonly R[]): R[] {
  return reasons.filter((r) => r.polarity === 'for' && r.criterion !== 'preferences' && (r.criterion !== 'experience' || r.value === 1));
}
