import { CHANNEL_LABELS } from '../shared/channels.ts';
import type { Channel, MenteeProfile, MentorProfile, WorkplaceType } from './profiles.ts';
import type { TimeZoneOffsets } from './time-zones.ts';
import { hoursApart } from './time-zones.ts';
import { Vocabulary } from './vocabulary.ts';
import type { Criterion, Weights } from './weights.ts';
import { CRITERIA } from './weights.ts';

/** One reason behind a pair's score, for a web page to render. */
/** Program goal number → its title, for explanations people read. */
export type GoalNames = Readonly<Record<number, string>>;

export interface Reason {
  readonly criterion: Criterion;
  /** The criterion's weight in this run. */
  readonly weight: number;
  /** The criterion's value, 0..1. */
  readonly value: number;
  /** Points (of 100) this criterion added to the score. */
  readonly points: number;
  /** Plain words, e.g. "same time zone". */
  readonly text: string;
  /** `for`: it helped (value >= 0.5); `against`: it counted against the pair. */
  readonly polarity: 'for' | 'against';
}

const WORKPLACE_WORDS: Record<WorkplaceType, string> = {
  public: 'public libraries',
  school: 'school libraries',
  academic: 'academic libraries',
  special: 'special libraries',
  other: 'other workplaces',
};

const CHANNEL_WORDS: Record<Channel, string> = {
  phone: 'phone calls',
  email: 'e-mail',
  video: 'video calls',
  chat: 'online chat',
  in_person: 'meeting in person',
};

function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** Items both lists contain, in the mentee's order and spelling. */
function sharedItems(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  const other = new Set((b ?? []).map(Vocabulary.key));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of a ?? []) {
    const key = Vocabulary.key(item);
    if (key === '' || !other.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(item.trim());
  }
  return out;
}

function years(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}

function textFor(
  criterion: Criterion,
  value: number,
  mentee: MenteeProfile,
  mentor: MentorProfile,
  weights: Weights,
  offsets: TimeZoneOffsets,
  goalNames: GoalNames | undefined,
): string {
  switch (criterion) {
    case 'goals': {
      const shared = sharedItems((mentee.programGoals ?? []).map(String), (mentor.programGoals ?? []).map(String));
      // People read these: name the goals when the caller knows their titles.
      const named = shared.map((id) => goalNames?.[Number(id)] ?? id);
      return shared.length === 0
        ? 'no shared program goals'
        : `${plural(shared.length, 'shared program goal')} (${named.join(', ')})`;
    }
    case 'interests': {
      const shared = sharedItems(mentee.interests, mentor.interests);
      return shared.length === 0
        ? "none of the mentee's interests in the mentor's expertise"
        : `${plural(shared.length, 'shared interest')} (${shared.join(', ')})`;
    }
    case 'workplace':
      return value === 1
        ? `both in ${WORKPLACE_WORDS[mentee.workplaceType as WorkplaceType]}`
        : `different workplaces (${mentee.workplaceType as string} vs ${mentor.workplaceType as string})`;
    case 'experience': {
      const gap = (mentor.yearsExperience as number) - (mentee.yearsExperience as number);
      if (gap <= 0) return gap === 0 ? 'same years of experience' : `mentor has ${years(-gap)} less experience`;
      if (gap < weights.experience.idealMin) return `mentor has only ${years(gap)} more experience`;
      if (gap > weights.experience.idealMax) return `mentor has ${years(gap)} more experience (a wide gap)`;
      return `mentor has ${years(gap)} more experience`;
    }
    case 'channels': {
      const mine = new Set(mentor.channels ?? []);
      const shared = (mentee.channels ?? []).filter((c, k, all) => mine.has(c) && all.indexOf(c) === k);
      return shared.length === 0
        ? `no preferred channel in common (${(mentee.channels ?? []).map((c) => CHANNEL_LABELS[c]).join(', ')} vs ${(mentor.channels ?? []).map((c) => CHANNEL_LABELS[c]).join(', ')})`
        : `both prefer ${list(shared.map((c) => CHANNEL_WORDS[c]))}`;
    }
    case 'timeZone': {
      const hours = hoursApart(offsets.minutes(mentee.timeZone) as number, offsets.minutes(mentor.timeZone) as number);
      if (hours === 0) return mentee.timeZone?.trim() === mentor.timeZone?.trim() ? 'same time zone' : 'same clock time';
      return `${hours === 1 ? '1 hour' : `${Math.round(hours * 10) / 10} hours`} apart`;
    }
    case 'region':
      return value === 1
        ? `same region (${(mentee.region as string).trim()}), could meet in person`
        : 'both would meet in person but live in different regions';
    case 'language': {
      const shared = sharedItems(mentee.languages, mentor.languages);
      return shared.length === 0 ? 'different languages' : `both speak ${list(shared)}`;
    }
    case 'preferences':
      // Confidential: say that a preference exists, never what it is.
      return value === 1 ? 'respects a stated preference' : 'does not meet a stated preference';
  }
}

/**
 * Reasons for a pair from its criterion values (as scored): only criteria that apply and carry
 * weight, strongest first — what helped by points added, then what counted against it by points
 * lost.
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
  for (const c of CRITERIA) weightSum += weights[c].weight;
  const reasons: Reason[] = [];
  CRITERIA.forEach((criterion, k) => {
    const value = values[k] as number;
    const weight = weights[criterion].weight;
    if (value !== value || weight <= 0) return;
    reasons.push({
      criterion,
      weight,
      value,
      points: weightSum > 0 ? (100 * weight * value) / weightSum : 0,
      text: textFor(criterion, value, mentee, mentor, weights, offsets, goalNames),
      polarity: value >= 0.5 ? 'for' : 'against',
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
