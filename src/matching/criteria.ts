import { CHANNEL_LABELS } from '../shared/channels.ts';
import type { CriterionScorer, ItemSets, People, Sides } from './criterion-scorers.ts';
import {
  ClockScorer,
  ExperienceScorer,
  PreferenceScorer,
  SameCategoryScorer,
  SharedItemsScorer,
  categories,
  channelSets,
  experienceYears,
  itemSets,
  preferences,
  utcOffsets,
} from './criterion-scorers.ts';
import type { GoalNames } from './explain-words.ts';
import { CHANNEL_WORDS, WORKPLACE_WORDS, list, plural, sharedItems, years } from './explain-words.ts';
import type { MenteeProfile, MentorProfile, ParticipantProfile, WorkplaceType } from './profiles.ts';
import { WORKPLACE_TYPES } from './profiles.ts';
import type { TimeZoneOffsets } from './time-zones.ts';
import { hoursApart } from './time-zones.ts';
import { Vocabulary } from './vocabulary.ts';
import type { Weights } from './weights.ts';

/** What a criterion is. CRITERION_TABLE below holds one per criterion and is the only place that says so. */
export interface CriterionDefinition<Name extends string = string> {
  /** Its name in reasons and `must` exclusions, and its key in Weights and weights.json. */
  readonly name: Name;
  /** Criteria that count shared items: this many shared items already count as a full match. */
  readonly saturation?: number;
  /**
   * How its value is computed: per-person features of both sides, once per run, and a scorer that
   * turns them into values 0..1 (or NaN: does not apply) for a mentee against a range of mentors.
   * The score matrix and the explanations both use it.
   */
  readonly prepare: (people: People) => CriterionScorer;
  /** How a pair's value is explained in plain words (only called when the criterion applies). */
  readonly explain: (pair: PairInWords) => string;
}

/** What an explanation may look at: the two applications, the value as scored, the run's settings. */
export interface PairInWords {
  readonly mentee: MenteeProfile;
  readonly mentor: MentorProfile;
  readonly value: number;
  readonly weights: Weights;
  readonly offsets: TimeZoneOffsets;
  readonly goalNames: GoalNames | undefined;
}

function criterion<const Name extends string>(definition: CriterionDefinition<Name>): CriterionDefinition<Name> {
  return definition;
}

/** A criterion counting shared items, saturating at `saturation` of them. */
function sharedItemsCriterion<const Name extends string>(definition: {
  readonly name: Name;
  readonly saturation: number;
  readonly items: (people: People) => Sides<ItemSets>;
  readonly explain: (pair: PairInWords) => string;
}): CriterionDefinition<Name> {
  const { name, saturation, items, explain } = definition;
  return { name, saturation, prepare: (people) => new SharedItemsScorer(items(people), saturation), explain };
}

/**
 * THE criteria, in the order of their value slots (CRITERION_INDEX) and of equally strong reasons
 * in an explanation. docs/matching.md describes them for people.
 *
 * To add a criterion:
 * 1. Add a row here: `name`, `saturation` if it counts shared items, `prepare` (reuse a feature and
 *    scorer from criterion-scorers.ts, or add one there: features into typed arrays once per run,
 *    one formula, the mentee's side hoisted out of the loop over mentors) and `explain`.
 * 2. Add its settings under the same name to Weights, DEFAULT_WEIGHTS and weightsSchema
 *    (weights.ts); the compiler fails until the names there and here agree.
 * 3. Say how it should behave in test-support/criteria-reference.ts (written from the docs on
 *    the raw applications; its type requires every criterion): criteria.property.test.ts checks
 *    the score matrix, single pairs and that reference against each other, to the bit, on random
 *    populations, so a scorer that disagrees with itself or with the docs fails there.
 * Outside the engine the criteria are listed again for the API (src/shared/api/matching.ts), the
 * weights panel (web/features/matching/components/criteria.ts) and docs/matching.md.
 */
export const CRITERION_TABLE = [
  sharedItemsCriterion({
    name: 'goals',
    saturation: 2,
    items: (people) => itemSets(people, programGoals),
    explain: ({ mentee, mentor, goalNames }) => {
      const shared = sharedItems(programGoals(mentee), programGoals(mentor));
      // People read these: name the goals when the caller knows their titles.
      const named = shared.map((id) => goalNames?.[Number(id)] ?? id);
      return shared.length === 0 ? 'no shared program goals' : `${plural(shared.length, 'shared program goal')} (${named.join(', ')})`;
    },
  }),
  sharedItemsCriterion({
    name: 'interests',
    saturation: 3,
    items: (people) => itemSets(people, (p) => p.interests ?? []),
    explain: ({ mentee, mentor }) => {
      const shared = sharedItems(mentee.interests, mentor.interests);
      return shared.length === 0
        ? "none of the mentee's interests in the mentor's expertise"
        : `${plural(shared.length, 'shared interest')} (${shared.join(', ')})`;
    },
  }),
  criterion({
    name: 'workplace',
    prepare: (people) => new SameCategoryScorer(categories(people, workplaceType)),
    explain: ({ mentee, mentor, value }) =>
      value === 1
        ? `both in ${WORKPLACE_WORDS[mentee.workplaceType as WorkplaceType]}`
        : `different workplaces (${mentee.workplaceType as string} vs ${mentor.workplaceType as string})`,
  }),
  criterion({
    name: 'experience',
    prepare: (people) => new ExperienceScorer(experienceYears(people)),
    explain: ({ mentee, mentor, weights }) => {
      const gap = (mentor.yearsExperience as number) - (mentee.yearsExperience as number);
      if (gap <= 0) return gap === 0 ? 'same years of experience' : `mentor has ${years(-gap)} less experience`;
      if (gap < weights.experience.idealMin) return `mentor has only ${years(gap)} more experience`;
      if (gap > weights.experience.idealMax) return `mentor has ${years(gap)} more experience (a wide gap)`;
      return `mentor has ${years(gap)} more experience`;
    },
  }),
  sharedItemsCriterion({
    name: 'channels',
    saturation: 1,
    items: channelSets,
    explain: ({ mentee, mentor }) => {
      const mine = new Set(mentor.channels ?? []);
      const shared = (mentee.channels ?? []).filter((c, k, all) => mine.has(c) && all.indexOf(c) === k);
      const labels = (p: ParticipantProfile): string => (p.channels ?? []).map((c) => CHANNEL_LABELS[c]).join(', ');
      return shared.length === 0
        ? `no preferred channel in common (${labels(mentee)} vs ${labels(mentor)})`
        : `both prefer ${list(shared.map((c) => CHANNEL_WORDS[c]))}`;
    },
  }),
  criterion({
    name: 'timeZone',
    prepare: (people) => new ClockScorer(utcOffsets(people)),
    explain: ({ mentee, mentor, offsets }) => {
      const hours = hoursApart(offsets.minutes(mentee.timeZone) as number, offsets.minutes(mentor.timeZone) as number);
      if (hours === 0) return mentee.timeZone?.trim() === mentor.timeZone?.trim() ? 'same time zone' : 'same clock time';
      return `${hours === 1 ? '1 hour' : `${Math.round(hours * 10) / 10} hours`} apart`;
    },
  }),
  criterion({
    name: 'region',
    // Only between people who both would meet in person.
    prepare: (people) => new SameCategoryScorer(categories(people, (p) => (p.meetInPerson === true ? p.region : undefined))),
    explain: ({ mentee, value }) =>
      value === 1
        ? `same region (${(mentee.region as string).trim()}), could meet in person`
        : 'both would meet in person but live in different regions',
  }),
  sharedItemsCriterion({
    name: 'language',
    saturation: 1,
    items: (people) => itemSets(people, (p) => p.languages ?? []),
    explain: ({ mentee, mentor }) => {
      const shared = sharedItems(mentee.languages, mentor.languages);
      return shared.length === 0 ? 'different languages' : `both speak ${list(shared)}`;
    },
  }),
  criterion({
    name: 'preferences',
    prepare: (people) => new PreferenceScorer(preferences(people)),
    // Confidential: say that a preference exists, never what it is.
    explain: ({ value }) => (value === 1 ? 'respects a stated preference' : 'does not meet a stated preference'),
  }),
] as const;

function programGoals(p: ParticipantProfile): string[] {
  return (p.programGoals ?? []).map(String);
}

/** Only the known workplace types are categories; anything else is unknown. */
function workplaceType(p: ParticipantProfile): WorkplaceType | undefined {
  return p.workplaceType !== undefined && WORKPLACE_TYPES.includes(p.workplaceType) ? p.workplaceType : undefined;
}

export type Criterion = (typeof CRITERION_TABLE)[number]['name'];

/** The criteria's names in table order. */
export const CRITERIA: readonly Criterion[] = CRITERION_TABLE.map((c) => c.name);

/** Slot of each criterion in a values array (table order). */
export const CRITERION_INDEX: Readonly<Record<Criterion, number>> = Object.fromEntries(CRITERIA.map((c, k) => [c, k])) as Record<
  Criterion,
  number
>;

export interface PreparedSide {
  readonly count: number;
  /** Employer for the conflict rule, as a small integer; -1 for none. */
  readonly employer: Int32Array;
}

export interface PreparedPopulation {
  readonly mentees: PreparedSide;
  readonly mentors: PreparedSide;
  /** One scorer per row of CRITERION_TABLE, in table order. */
  readonly scorers: readonly CriterionScorer[];
}

/** Normalised employer for the conflict rule: trimmed, case-insensitive, empty = none. */
export function employerKey(employer: string | undefined): string | undefined {
  const key = employer === undefined ? '' : Vocabulary.key(employer);
  return key === '' ? undefined : key;
}

export function preparePopulation(
  mentees: readonly ParticipantProfile[],
  mentors: readonly ParticipantProfile[],
  offsets: TimeZoneOffsets,
): PreparedPopulation {
  const employers = new Vocabulary();
  const side = (people: readonly ParticipantProfile[]): PreparedSide => {
    const employer = new Int32Array(people.length).fill(-1);
    people.forEach((p, i) => {
      const key = employerKey(p.employer);
      if (key !== undefined) employer[i] = employers.add(key);
    });
    return { count: people.length, employer };
  };
  const people: People = { mentees, mentors, offsets };
  return {
    mentees: side(mentees),
    mentors: side(mentors),
    scorers: CRITERION_TABLE.map((c) => c.prepare(people)),
  };
}

/**
 * Writes each criterion's value for (mentee i, mentor j) into `out` (indexed by CRITERION_INDEX):
 * a number in [0, 1], or NaN when the criterion does not apply. The score matrix runs the same
 * scorers over all mentors at once, so an explanation always describes exactly what was scored.
 */
export function evaluatePair(pop: PreparedPopulation, weights: Weights, i: number, j: number, out: Float64Array): void {
  const scorers = pop.scorers;
  for (let k = 0; k < scorers.length; k++) (scorers[k] as CriterionScorer).values(i, weights, j, j + 1, out, k);
}

/** Weights as an array in table order, and their sum (the score's denominator). */
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
