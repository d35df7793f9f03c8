import { CHANNELS } from '../shared/channels.ts';
import type { ParticipantProfile } from './profiles.ts';
import { WORKPLACE_TYPES } from './profiles.ts';
import type { TimeZoneOffsets } from './time-zones.ts';
import { hoursApart } from './time-zones.ts';
import { Vocabulary, popcount32 } from './vocabulary.ts';
import type { Criterion, Weights } from './weights.ts';
import { CRITERIA } from './weights.ts';

/**
 * Criteria on struct-of-arrays profiles, so scoring 25 million pairs is bit operations and table
 * lookups. The same `evaluatePair` feeds the score matrix and the explanations, so an explanation
 * always describes exactly what was scored.
 */

export const CRITERION_INDEX: Readonly<Record<Criterion, number>> = Object.fromEntries(
  CRITERIA.map((c, k) => [c, k]),
) as Record<Criterion, number>;

/** Saturation of overlap criteria: this many shared items already count as a full match. */
const SATURATION = { goals: 2, interests: 3, channels: 1, language: 1 } as const;

export interface PreparedSide {
  readonly count: number;
  readonly workplace: Int8Array;
  readonly years: Float64Array;
  readonly region: Int32Array;
  readonly offset: Float64Array;
  readonly meet: Int8Array;
  readonly goals: Uint32Array;
  readonly goalCount: Int32Array;
  readonly interests: Uint32Array;
  readonly interestCount: Int32Array;
  readonly channels: Int32Array;
  readonly channelCount: Int32Array;
  readonly languages: Uint32Array;
  readonly languageCount: Int32Array;
  readonly gender: Int32Array;
  readonly preferSame: Uint8Array;
  readonly employer: Int32Array;
}

export interface PreparedPopulation {
  readonly mentees: PreparedSide;
  readonly mentors: PreparedSide;
  readonly goalWords: number;
  readonly interestWords: number;
  readonly languageWords: number;
}

/** Normalised employer for the conflict rule: trimmed, case-insensitive, empty = none. */
export function employerKey(employer: string | undefined): string | undefined {
  const key = employer === undefined ? '' : Vocabulary.key(employer);
  return key === '' ? undefined : key;
}

function setBit(words: Uint32Array, offset: number, bit: number): void {
  const w = offset + (bit >>> 5);
  words[w] = ((words[w] as number) | (1 << (bit & 31))) >>> 0;
}

export function preparePopulation(
  mentees: readonly ParticipantProfile[],
  mentors: readonly ParticipantProfile[],
  offsets: TimeZoneOffsets,
): PreparedPopulation {
  const goals = new Vocabulary();
  const interests = new Vocabulary();
  const languages = new Vocabulary();
  const regions = new Vocabulary();
  const genders = new Vocabulary();
  const employers = new Vocabulary();
  for (const p of [...mentees, ...mentors]) {
    for (const g of p.programGoals ?? []) goals.add(String(g));
    for (const t of p.interests ?? []) if (Vocabulary.key(t) !== '') interests.add(t);
    for (const l of p.languages ?? []) if (Vocabulary.key(l) !== '') languages.add(l);
  }
  const side = (people: readonly ParticipantProfile[]): PreparedSide => {
    const n = people.length;
    const s: PreparedSide = {
      count: n,
      workplace: new Int8Array(n).fill(-1),
      years: new Float64Array(n).fill(NaN),
      region: new Int32Array(n).fill(-1),
      offset: new Float64Array(n).fill(NaN),
      meet: new Int8Array(n).fill(-1),
      goals: new Uint32Array(n * goals.words),
      goalCount: new Int32Array(n),
      interests: new Uint32Array(n * interests.words),
      interestCount: new Int32Array(n),
      channels: new Int32Array(n),
      channelCount: new Int32Array(n),
      languages: new Uint32Array(n * languages.words),
      languageCount: new Int32Array(n),
      gender: new Int32Array(n).fill(-1),
      preferSame: new Uint8Array(n),
      employer: new Int32Array(n).fill(-1),
    };
    people.forEach((p, i) => {
      if (p.workplaceType !== undefined) s.workplace[i] = WORKPLACE_TYPES.indexOf(p.workplaceType);
      if (p.yearsExperience !== undefined && Number.isFinite(p.yearsExperience)) s.years[i] = p.yearsExperience;
      if (p.region !== undefined && Vocabulary.key(p.region) !== '') s.region[i] = regions.add(p.region);
      s.offset[i] = offsets.minutes(p.timeZone) ?? NaN;
      if (p.meetInPerson !== undefined) s.meet[i] = p.meetInPerson ? 1 : 0;
      const fill = (items: readonly string[], vocab: Vocabulary, words: Uint32Array, counts: Int32Array): void => {
        const seen = new Set<number>();
        for (const item of items) {
          if (Vocabulary.key(item) === '') continue;
          const bit = vocab.add(item);
          if (seen.has(bit)) continue;
          seen.add(bit);
          setBit(words, i * vocab.words, bit);
        }
        counts[i] = seen.size;
      };
      fill((p.programGoals ?? []).map(String), goals, s.goals, s.goalCount);
      fill(p.interests ?? [], interests, s.interests, s.interestCount);
      fill(p.languages ?? [], languages, s.languages, s.languageCount);
      let channelBits = 0;
      for (const c of p.channels ?? []) channelBits |= 1 << CHANNELS.indexOf(c);
      s.channels[i] = channelBits;
      s.channelCount[i] = popcount32(channelBits);
      const gender = p.preferences?.gender;
      if (gender !== undefined && Vocabulary.key(gender) !== '') s.gender[i] = genders.add(gender);
      s.preferSame[i] = p.preferences?.preferSameGender === true ? 1 : 0;
      const employer = employerKey(p.employer);
      if (employer !== undefined) s.employer[i] = employers.add(employer);
    });
    return s;
  };
  return {
    mentees: side(mentees),
    mentors: side(mentors),
    goalWords: goals.words,
    interestWords: interests.words,
    languageWords: languages.words,
  };
}

function sharedBits(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, words: number): number {
  let shared = 0;
  for (let w = 0; w < words; w++) shared += popcount32((a[aOffset + w] as number) & (b[bOffset + w] as number));
  return shared;
}

function overlap(shared: number, countA: number, countB: number, saturation: number): number {
  if (countA === 0 || countB === 0) return NaN;
  return shared === 0 ? 0 : Math.min(1, shared / Math.min(countA, countB, saturation));
}

/**
 * Writes each criterion's value for (mentee i, mentor j) into `out` (indexed by CRITERION_INDEX):
 * a number in [0, 1], or NaN when the criterion does not apply (data missing on either side, or
 * e.g. in-person region when someone will not meet in person).
 */
export function evaluatePair(pop: PreparedPopulation, weights: Weights, i: number, j: number, out: Float64Array): void {
  const a = pop.mentees;
  const b = pop.mentors;
  const gw = pop.goalWords;
  out[0] = overlap(
    sharedBits(a.goals, i * gw, b.goals, j * gw, gw),
    a.goalCount[i] as number,
    b.goalCount[j] as number,
    SATURATION.goals,
  );
  const iw = pop.interestWords;
  out[1] = overlap(
    sharedBits(a.interests, i * iw, b.interests, j * iw, iw),
    a.interestCount[i] as number,
    b.interestCount[j] as number,
    SATURATION.interests,
  );
  const wa = a.workplace[i] as number;
  const wb = b.workplace[j] as number;
  out[2] = wa < 0 || wb < 0 ? NaN : wa === wb ? 1 : 0;
  out[3] = experienceValue((b.years[j] as number) - (a.years[i] as number), weights.experience);
  out[4] = overlap(
    popcount32((a.channels[i] as number) & (b.channels[j] as number)),
    a.channelCount[i] as number,
    b.channelCount[j] as number,
    SATURATION.channels,
  );
  const oa = a.offset[i] as number;
  const ob = b.offset[j] as number;
  out[5] = oa !== oa || ob !== ob ? NaN : Math.max(0, 1 - hoursApart(oa, ob) / weights.timeZone.zeroAtHours);
  const ra = a.region[i] as number;
  const rb = b.region[j] as number;
  out[6] = a.meet[i] !== 1 || b.meet[j] !== 1 || ra < 0 || rb < 0 ? NaN : ra === rb ? 1 : 0;
  const lw = pop.languageWords;
  out[7] = overlap(
    sharedBits(a.languages, i * lw, b.languages, j * lw, lw),
    a.languageCount[i] as number,
    b.languageCount[j] as number,
    SATURATION.language,
  );
  const ga = a.gender[i] as number;
  const gb = b.gender[j] as number;
  out[8] = (a.preferSame[i] === 0 && b.preferSame[j] === 0) || ga < 0 || gb < 0 ? NaN : ga === gb ? 1 : 0;
}

/** 1 inside the ideal band; fades to 0 at no gap below it and over `falloff` years above it. */
export function experienceValue(gap: number, band: Weights['experience']): number {
  if (gap !== gap) return NaN;
  if (gap >= band.idealMin && gap <= band.idealMax) return 1;
  if (gap < band.idealMin) return gap <= 0 ? 0 : gap / band.idealMin;
  return Math.max(0, 1 - (gap - band.idealMax) / band.falloff);
}

/** Weights as an array in CRITERIA order, and their sum (the score's denominator). */
export function weightVector(weights: Weights): { readonly w: Float64Array; readonly must: Uint8Array; readonly sum: number } {
  const w = new Float64Array(CRITERIA.length);
  const must = new Uint8Array(CRITERIA.length);
  let sum = 0;
  CRITERIA.forEach((c, k) => {
    w[k] = weights[c].weight;
    must[k] = weights[c].must ? 1 : 0;
    sum += weights[c].weight;
  });
  return { w, must, sum };
}

/** Scores are 0..100: the weighted share of criteria met. Criteria that do not apply count as 0. */
export const MAX_SCORE = 100;
