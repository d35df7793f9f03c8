import { CHANNELS } from '../shared/channels.ts';
import type { ParticipantProfile } from './profiles.ts';
import type { TimeZoneOffsets } from './time-zones.ts';
import { hoursApart } from './time-zones.ts';
import { Vocabulary, popcount32 } from './vocabulary.ts';
import type { Weights } from './weights.ts';

/**
 * How criteria are computed: per-person features in typed arrays, built once per run, and one
 * formula per kind of criterion (`sharedItemsValue`, `sameValue`, `experienceValue`,
 * `clockValue`, `preferenceValue`). A scorer fills a mentee's values against a range of mentors,
 * so the score matrix (all mentors) and a single pair (one mentor, for explanations) run the same
 * code. For speed a scorer may hoist the mentee's side out of the loop and compute the formula
 * once per distinct input and look it up (the same function of the same numbers: the same bits),
 * so scoring 25 million pairs is mostly bit operations and table lookups.
 */

/** The people of one run, as a criterion's `prepare` sees them. */
export interface People {
  readonly mentees: readonly ParticipantProfile[];
  readonly mentors: readonly ParticipantProfile[];
  /** UTC offsets at the run's reference instant. */
  readonly offsets: TimeZoneOffsets;
}

/** One criterion over a prepared population. */
export interface CriterionScorer {
  /**
   * Writes the value for mentee `i` and each mentor j in [from, to) to out[at + j - from]: a
   * number in [0, 1], or NaN when the criterion does not apply to the pair (data missing on either
   * side, or e.g. in-person region when someone will not meet in person).
   */
  values(i: number, weights: Weights, from: number, to: number, out: Float64Array, at: number): void;
}

/** Something per person, for the mentees and for the mentors. */
export interface Sides<T> {
  readonly mentees: T;
  readonly mentors: T;
}

function bothSides<T>(people: People, build: (side: readonly ParticipantProfile[]) => T): Sides<T> {
  return { mentees: build(people.mentees), mentors: build(people.mentors) };
}

// ---------------------------------------------------------------------------------------------
// Shared items (goals, interests, channels, languages)

/** Each person's distinct items as a bit set of `words` 32-bit words, and how many there are. */
export interface ItemSets {
  readonly words: number;
  readonly bits: Uint32Array;
  readonly counts: Int32Array;
}

function setBit(words: Uint32Array, offset: number, bit: number): void {
  const w = offset + (bit >>> 5);
  words[w] = ((words[w] as number) | (1 << (bit & 31))) >>> 0;
}

/** Free-text items, compared trimmed and case-insensitively; empty items are ignored. */
export function itemSets(people: People, itemsOf: (p: ParticipantProfile) => readonly string[]): Sides<ItemSets> {
  const vocabulary = new Vocabulary();
  for (const p of [...people.mentees, ...people.mentors]) {
    for (const item of itemsOf(p)) if (Vocabulary.key(item) !== '') vocabulary.add(item);
  }
  const words = vocabulary.words;
  return bothSides(people, (side) => {
    const bits = new Uint32Array(side.length * words);
    const counts = new Int32Array(side.length);
    side.forEach((p, i) => {
      const seen = new Set<number>();
      for (const item of itemsOf(p)) {
        if (Vocabulary.key(item) === '') continue;
        const bit = vocabulary.add(item);
        if (seen.has(bit)) continue;
        seen.add(bit);
        setBit(bits, i * words, bit);
      }
      counts[i] = seen.size;
    });
    return { words, bits, counts };
  });
}

/** Preferred channels: one bit per entry of CHANNELS. */
export function channelSets(people: People): Sides<ItemSets> {
  return bothSides(people, (side) => {
    const bits = new Uint32Array(side.length);
    const counts = new Int32Array(side.length);
    side.forEach((p, i) => {
      let channelBits = 0;
      for (const c of p.channels ?? []) channelBits |= 1 << CHANNELS.indexOf(c);
      bits[i] = channelBits >>> 0;
      counts[i] = popcount32(channelBits);
    });
    return { words: 1, bits, counts };
  });
}

/**
 * Shared items over the most that can count: `limitA` is min(mentee's count, saturation), so
 * `saturation` shared items (or all of the shorter list) give 1. Does not apply when either side
 * has none.
 */
export function sharedItemsValue(shared: number, countA: number, countB: number, limitA: number): number {
  if (countA === 0 || countB === 0) return NaN;
  return shared === 0 ? 0 : Math.min(1, shared / Math.min(limitA, countB));
}

function sharedBits(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, words: number): number {
  let shared = 0;
  for (let w = 0; w < words; w++) shared += popcount32((a[aOffset + w] as number) & (b[bOffset + w] as number));
  return shared;
}

export class SharedItemsScorer implements CriterionScorer {
  /** Largest item count among the mentors. */
  private readonly maxCountB: number;
  /** Scratch: one mentee's value for every (shared, mentor's count), when that is fewer than the mentors. */
  private readonly table: Float64Array;

  constructor(
    private readonly sets: Sides<ItemSets>,
    private readonly saturation: number,
  ) {
    this.maxCountB = sets.mentors.counts.reduce((max, count) => Math.max(max, count), 0);
    this.table = new Float64Array(sets.mentors.counts.length);
  }

  values(i: number, _weights: Weights, from: number, to: number, out: Float64Array, at: number): void {
    const a = this.sets.mentees;
    const b = this.sets.mentors;
    const words = a.words;
    const countA = a.counts[i] as number;
    const limitA = Math.min(countA, this.saturation);
    const bBits = b.bits;
    const bCounts = b.counts;
    const shift = at - from;
    const stride = this.maxCountB + 1;
    if (words === 1 && (countA + 1) * stride <= to - from) {
      // Few distinct (shared, count) pairs: the same formula once for each, then looked up.
      const table = this.table;
      for (let shared = 0; shared <= countA; shared++) {
        for (let countB = 0; countB < stride; countB++) table[shared * stride + countB] = sharedItemsValue(shared, countA, countB, limitA);
      }
      const bitsA = a.bits[i] as number;
      for (let j = from; j < to; j++) {
        out[shift + j] = table[popcount32(bitsA & (bBits[j] as number)) * stride + (bCounts[j] as number)] as number;
      }
    } else if (words === 1) {
      const bitsA = a.bits[i] as number;
      for (let j = from; j < to; j++) {
        out[shift + j] = sharedItemsValue(popcount32(bitsA & (bBits[j] as number)), countA, bCounts[j] as number, limitA);
      }
    } else {
      const aBits = a.bits;
      for (let j = from; j < to; j++) {
        const shared = sharedBits(aBits, i * words, bBits, j * words, words);
        out[shift + j] = sharedItemsValue(shared, countA, bCounts[j] as number, limitA);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Same category (workplace type, region when both meet in person)

/** Each person's category as a small integer, -1 when unknown (the criterion does not apply). */
export function categories(people: People, categoryOf: (p: ParticipantProfile) => string | undefined): Sides<Int32Array> {
  const vocabulary = new Vocabulary();
  return bothSides(people, (side) => {
    const codes = new Int32Array(side.length).fill(-1);
    side.forEach((p, i) => {
      const category = categoryOf(p);
      if (category !== undefined && Vocabulary.key(category) !== '') codes[i] = vocabulary.add(category);
    });
    return codes;
  });
}

/** 1 for the same category, 0 for different ones; does not apply when either is unknown (< 0). */
export function sameValue(a: number, b: number): number {
  return a < 0 || b < 0 ? NaN : a === b ? 1 : 0;
}

export class SameCategoryScorer implements CriterionScorer {
  constructor(private readonly codes: Sides<Int32Array>) {}

  values(i: number, _weights: Weights, from: number, to: number, out: Float64Array, at: number): void {
    const a = this.codes.mentees[i] as number;
    const b = this.codes.mentors;
    const shift = at - from;
    for (let j = from; j < to; j++) out[shift + j] = sameValue(a, b[j] as number);
  }
}

// ---------------------------------------------------------------------------------------------
// Experience gap

/** Years of experience, NaN when unknown or not finite. */
export function experienceYears(people: People): Sides<Float64Array> {
  return bothSides(people, (side) => {
    const years = new Float64Array(side.length).fill(NaN);
    side.forEach((p, i) => {
      if (p.yearsExperience !== undefined && Number.isFinite(p.yearsExperience)) years[i] = p.yearsExperience;
    });
    return years;
  });
}

/** 1 inside the ideal band; fades to 0 at no gap below it and over `falloff` years above it. */
export function experienceValue(gap: number, band: Weights['experience']): number {
  if (gap !== gap) return NaN;
  if (gap >= band.idealMin && gap <= band.idealMax) return 1;
  if (gap < band.idealMin) return gap <= 0 ? 0 : gap / band.idealMin;
  return Math.max(0, 1 - (gap - band.idealMax) / band.falloff);
}

export class ExperienceScorer implements CriterionScorer {
  constructor(private readonly years: Sides<Float64Array>) {}

  values(i: number, weights: Weights, from: number, to: number, out: Float64Array, at: number): void {
    const band = weights.experience;
    const a = this.years.mentees[i] as number;
    const b = this.years.mentors;
    const shift = at - from;
    for (let j = from; j < to; j++) out[shift + j] = experienceValue((b[j] as number) - a, band);
  }
}

// ---------------------------------------------------------------------------------------------
// Clock distance (time zones)

/** UTC offsets in minutes, NaN when the zone is missing or unknown. */
export function utcOffsets(people: People): Sides<Float64Array> {
  return bothSides(people, (side) => Float64Array.from(side, (p) => people.offsets.minutes(p.timeZone) ?? NaN));
}

/** 1 at the same offset, linear to 0 at `zeroAtHours` apart (clock distance, around the day). */
export function clockValue(offsetA: number, offsetB: number, zeroAtHours: number): number {
  return offsetA !== offsetA || offsetB !== offsetB ? NaN : Math.max(0, 1 - hoursApart(offsetA, offsetB) / zeroAtHours);
}

/**
 * Mentors share a few distinct offsets, so a mentee's values are computed once per distinct
 * offset and looked up (the same `clockValue` of the same numbers: the same bits).
 */
export class ClockScorer implements CriterionScorer {
  /** Mentors' distinct known offsets. */
  private readonly distinct: Float64Array;
  /** Per mentor, the index of its offset in `distinct`, or distinct.length when unknown. */
  private readonly zoneOf: Int32Array;
  /** Scratch: one mentee's value per distinct offset, then NaN for unknown. */
  private readonly row: Float64Array;

  constructor(private readonly offsets: Sides<Float64Array>) {
    const distinct: number[] = [];
    const mentors = offsets.mentors;
    const zoneOf = new Int32Array(mentors.length);
    for (let j = 0; j < mentors.length; j++) {
      const o = mentors[j] as number;
      if (o !== o) {
        zoneOf[j] = -1;
        continue;
      }
      let k = distinct.indexOf(o);
      if (k < 0) k = distinct.push(o) - 1;
      zoneOf[j] = k;
    }
    for (let j = 0; j < zoneOf.length; j++) if (zoneOf[j] === -1) zoneOf[j] = distinct.length;
    this.distinct = Float64Array.from(distinct);
    this.zoneOf = zoneOf;
    this.row = new Float64Array(distinct.length + 1);
  }

  values(i: number, weights: Weights, from: number, to: number, out: Float64Array, at: number): void {
    const zeroAt = weights.timeZone.zeroAtHours;
    const a = this.offsets.mentees[i] as number;
    const shift = at - from;
    const distinct = this.distinct;
    if (to - from < distinct.length) {
      const b = this.offsets.mentors;
      for (let j = from; j < to; j++) out[shift + j] = clockValue(a, b[j] as number, zeroAt);
      return;
    }
    const row = this.row;
    for (let k = 0; k < distinct.length; k++) row[k] = clockValue(a, distinct[k] as number, zeroAt);
    row[distinct.length] = NaN;
    const zoneOf = this.zoneOf;
    for (let j = from; j < to; j++) out[shift + j] = row[zoneOf[j] as number] as number;
  }
}

// ---------------------------------------------------------------------------------------------
// Confidential same-gender preference

export interface Preferences {
  /** Gender as a category, -1 when not given. */
  readonly gender: Int32Array;
  /** 1 when the person asked for a same-gender match. */
  readonly preferSame: Uint8Array;
}

export function preferences(people: People): Sides<Preferences> {
  const gender = categories(people, (p) => p.preferences?.gender);
  return {
    mentees: { gender: gender.mentees, preferSame: preferSame(people.mentees) },
    mentors: { gender: gender.mentors, preferSame: preferSame(people.mentors) },
  };
}

function preferSame(side: readonly ParticipantProfile[]): Uint8Array {
  return Uint8Array.from(side, (p) => (p.preferences?.preferSameGender === true ? 1 : 0));
}

/** Applies only when someone asked (and both genders are known): met = 1. */
export function preferenceValue(askedA: number, askedB: number, genderA: number, genderB: number): number {
  return (askedA === 0 && askedB === 0) || genderA < 0 || genderB < 0 ? NaN : genderA === genderB ? 1 : 0;
}

export class PreferenceScorer implements CriterionScorer {
  constructor(private readonly people: Sides<Preferences>) {}

  values(i: number, _weights: Weights, from: number, to: number, out: Float64Array, at: number): void {
    const asked = this.people.mentees.preferSame[i] as number;
    const gender = this.people.mentees.gender[i] as number;
    const bAsked = this.people.mentors.preferSame;
    const bGender = this.people.mentors.gender;
    const shift = at - from;
    for (let j = from; j < to; j++) out[shift + j] = preferenceValue(asked, bAsked[j] as number, gender, bGender[j] as number);
  }
}
