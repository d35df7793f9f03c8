import type { Criterion } from '../criteria.ts';
import { CRITERIA, CRITERION_TABLE } from '../criteria.ts';
import type { MenteeProfile, MentorProfile, ParticipantProfile } from '../profiles.ts';
import { WORKPLACE_TYPES } from '../profiles.ts';
import { utcOffsetMinutes } from '../time-zones.ts';
import type { Weights } from '../weights.ts';

/**
 * Tests only: each criterion's value written straight from docs/matching.md on the applications
 * themselves (strings, sets, Intl), with none of the engine's prepared features, vocabularies or
 * bit sets. criteria.property.test.ts checks the engine against it on random populations. The
 * arithmetic is written the way the engine's formulas are, so the two agree to the bit.
 *
 * A new criterion in CRITERION_TABLE needs an entry here (the Record type insists).
 */

/** Trimmed, inner spaces collapsed, case-insensitive; '' = no item. */
function key(item: string): string {
  return item.trim().replace(/\s+/g, ' ').toLowerCase();
}

function distinct(items: readonly string[] | undefined): Set<string> {
  return new Set((items ?? []).map(key).filter((k) => k !== ''));
}

/** Shared items; `saturation` of them (or all of the shorter list) = 1; n/a when a side has none. */
function sharedValue(criterion: Criterion, a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return NaN;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const saturation = CRITERION_TABLE[CRITERIA.indexOf(criterion)]?.saturation;
  if (saturation === undefined) throw new Error(`${criterion} has no saturation in CRITERION_TABLE`);
  return shared === 0 ? 0 : Math.min(1, shared / Math.min(a.size, b.size, saturation));
}

function offsetOf(timeZone: string | undefined, at: number): number | undefined {
  const zone = timeZone?.trim() ?? '';
  return zone === '' ? undefined : utcOffsetMinutes(zone, at);
}

function isKnownWorkplace(p: ParticipantProfile): boolean {
  return p.workplaceType !== undefined && WORKPLACE_TYPES.includes(p.workplaceType);
}

type Reference = (mentee: MenteeProfile, mentor: MentorProfile, weights: Weights, at: number) => number;

export const REFERENCE: Readonly<Record<Criterion, Reference>> = {
  goals: (a, b) => sharedValue('goals', distinct((a.programGoals ?? []).map(String)), distinct((b.programGoals ?? []).map(String))),
  interests: (a, b) => sharedValue('interests', distinct(a.interests), distinct(b.interests)),
  workplace: (a, b) => (isKnownWorkplace(a) && isKnownWorkplace(b) ? (a.workplaceType === b.workplaceType ? 1 : 0) : NaN),
  experience: (a, b, weights) => {
    const ya = a.yearsExperience;
    const yb = b.yearsExperience;
    if (ya === undefined || yb === undefined || !Number.isFinite(ya) || !Number.isFinite(yb)) return NaN;
    const gap = yb - ya;
    const { idealMin, idealMax, falloff } = weights.experience;
    if (gap >= idealMin && gap <= idealMax) return 1;
    if (gap < idealMin) return gap <= 0 ? 0 : gap / idealMin;
    return Math.max(0, 1 - (gap - idealMax) / falloff);
  },
  channels: (a, b) => sharedValue('channels', new Set(a.channels ?? []), new Set(b.channels ?? [])),
  timeZone: (a, b, weights, at) => {
    const oa = offsetOf(a.timeZone, at);
    const ob = offsetOf(b.timeZone, at);
    if (oa === undefined || ob === undefined) return NaN;
    const minutes = Math.abs(oa - ob) % 1440;
    const hours = Math.min(minutes, 1440 - minutes) / 60;
    return Math.max(0, 1 - hours / weights.timeZone.zeroAtHours);
  },
  region: (a, b) => {
    if (a.meetInPerson !== true || b.meetInPerson !== true) return NaN;
    const ra = key(a.region ?? '');
    const rb = key(b.region ?? '');
    return ra === '' || rb === '' ? NaN : ra === rb ? 1 : 0;
  },
  language: (a, b) => sharedValue('language', distinct(a.languages), distinct(b.languages)),
  preferences: (a, b) => {
    if (a.preferences?.preferSameGender !== true && b.preferences?.preferSameGender !== true) return NaN;
    const ga = key(a.preferences?.gender ?? '');
    const gb = key(b.preferences?.gender ?? '');
    return ga === '' || gb === '' ? NaN : ga === gb ? 1 : 0;
  },
};

/** The criteria's values for a pair, in table order. */
export function referenceValues(mentee: MenteeProfile, mentor: MentorProfile, weights: Weights, at: number): number[] {
  return CRITERIA.map((c) => REFERENCE[c](mentee, mentor, weights, at));
}

export type ReferenceExclusion = 'same-employer' | 'previous-partner' | 'forbidden' | Criterion;

/** Why a pair may not be proposed: the same employer, a staff rule, then the first failed must. */
export function referenceExclusion(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  banned: 'previous-partner' | 'forbidden' | undefined,
  values: readonly number[],
  weights: Weights,
): ReferenceExclusion | null {
  const ea = key(mentee.employer ?? '');
  if (ea !== '' && ea === key(mentor.employer ?? '')) return 'same-employer';
  if (banned !== undefined) return banned;
  return CRITERIA.find((c, k) => weights[c].must && values[k] === 0) ?? null;
}

/** 100 × Σ weight·value / Σ weight over the criteria that apply, summed in table order. */
export function referenceScore(values: readonly number[], weights: Weights): number {
  let sum = 0;
  for (const c of CRITERIA) sum += weights[c].weight;
  if (sum <= 0) return 0;
  let total = 0;
  CRITERIA.forEach((c, k) => {
    const v = values[k] as number;
    if (!Number.isNaN(v)) total += weights[c].weight * v;
  });
  return (100 * total) / sum;
}
