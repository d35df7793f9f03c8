import { CHANNELS } from '../../src/shared/channels.ts';
import type { Channel, MenteeProfile, MentorProfile } from '../../src/matching/profiles.ts';
import { WORKPLACE_TYPES } from '../../src/matching/profiles.ts';
import { randomInt } from '../../src/matching/test-support/prng.ts';

/**
 * Random but plausible applicants of a children's-librarianship mentoring program, for the
 * structured benchmark instances and the people-level run. Small vocabularies on purpose: real
 * applications share many values, so real score matrices are full of ties.
 */

export const INTERESTS = [
  'storytime',
  'outreach',
  'early literacy',
  'summer reading',
  'collection development',
  'graphic novels',
  'teen services',
  'makerspaces',
  'STEM programming',
  'bilingual services',
  'library advocacy',
  'grant writing',
  'school visits',
  'reader advisory',
  'picture books',
  'family engagement',
  'sensory storytime',
  'diversity audits',
  'book clubs',
  'homework help',
  'digital literacy',
  'management',
  'volunteer coordination',
  'award committees',
  'youth services leadership',
  'special needs services',
  'programming on a budget',
  'community partnerships',
  'coding clubs',
  'library instruction',
];
const REGIONS = ['US-IL', 'US-CA', 'US-NY', 'US-TX', 'US-WA', 'US-FL', 'US-OH', 'US-GA', 'US-MA', 'US-CO', 'CA-ON', 'CA-BC'];
const ZONES: Record<string, string> = {
  'US-IL': 'America/Chicago',
  'US-CA': 'America/Los_Angeles',
  'US-NY': 'America/New_York',
  'US-TX': 'America/Chicago',
  'US-WA': 'America/Los_Angeles',
  'US-FL': 'America/New_York',
  'US-OH': 'America/New_York',
  'US-GA': 'America/New_York',
  'US-MA': 'America/New_York',
  'US-CO': 'America/Denver',
  'CA-ON': 'America/Toronto',
  'CA-BC': 'America/Vancouver',
};
const LANGUAGES = ['English', 'Spanish', 'French', 'Mandarin', 'Vietnamese'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  for (let k = 0; k < count && pool.length > 0; k++) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  return out;
}

function person(random: () => number, id: string, mentor: boolean): MentorProfile {
  const region = pick(random, REGIONS);
  const languages = ['English', ...(random() < 0.25 ? [pick(random, LANGUAGES.slice(1))] : [])];
  const channels = sample(random, CHANNELS, randomInt(random, 1, 3)) as Channel[];
  return {
    id,
    name: `${mentor ? 'Mentor' : 'Mentee'} ${id}`,
    email: `${id}@example.org`,
    employer: `Library ${randomInt(random, 1, 400)}`,
    workplaceType: pick(random, WORKPLACE_TYPES),
    yearsExperience: mentor ? randomInt(random, 3, 30) : randomInt(random, 0, 8),
    region,
    timeZone: ZONES[region] as string,
    interests: sample(random, INTERESTS, randomInt(random, 2, mentor ? 6 : 4)),
    programGoals: sample(random, [1, 2, 3, 4, 5, 6, 7], randomInt(random, 1, 3)),
    channels,
    languages: random() < 0.1 ? [pick(random, LANGUAGES.slice(1))] : languages,
    meetInPerson: random() < 0.5,
    preferences:
      random() < 0.1 ? { preferSameGender: true, gender: pick(random, ['f', 'm', 'x']) } : { gender: pick(random, ['f', 'm', 'x']) },
  };
}

export function generateMentees(random: () => number, count: number): MenteeProfile[] {
  return Array.from({ length: count }, (_, k) => person(random, `e${k + 1}`, false));
}

export function generateMentors(random: () => number, count: number, capacity: () => number): MentorProfile[] {
  return Array.from({ length: count }, (_, k) => ({ ...person(random, `m${k + 1}`, true), capacity: capacity() }));
}
