import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/channels.ts';
import type { Criterion } from './criteria.ts';
import { CRITERIA, CRITERION_INDEX, CRITERION_TABLE, evaluatePair, preparePopulation, weightVector } from './criteria.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { WORKPLACE_TYPES } from './profiles.ts';
import { proposeMatches } from './propose.ts';
import type { HardRuleIndex } from './score-matrix.ts';
import { buildScoreMatrix, pairExclusion, scoreOf } from './score-matrix.ts';
import { TimeZoneOffsets } from './time-zones.ts';
import { referenceExclusion, referenceScore, referenceValues } from './test-support/criteria-reference.ts';
import type { Weights, WeightsInput } from './weights.ts';
import { DEFAULT_WEIGHTS, weightsSchema } from './weights.ts';

/**
 * The score matrix (each criterion's scorer over all mentors at once, weight-0 criteria skipped),
 * single pairs (the same scorers on one mentor, as explanations use them) and a reference written
 * from the documentation on the raw applications (test-support/criteria-reference.ts) must agree
 * to the last bit on every pair: values, exclusions and scores. Object.is, so NaN, -0 and
 * -Infinity count too.
 */

const ZONES = [
  'UTC',
  'America/Chicago',
  ' America/Chicago ',
  'Europe/Paris',
  'Asia/Kolkata', // +5:30
  'Asia/Kathmandu', // +5:45
  'America/St_Johns', // -3:30, daylight saving time
  'Australia/Lord_Howe', // +10:30, half-hour daylight saving time
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // -11: 25 hours from Kiritimati, 1 hour on the clock
  'Etc/GMT+12', // -12
  'Mars/Olympus', // unknown: does not apply
  '',
];
/** Instants either side of daylight saving time changes (and a night one changes in). */
const INSTANTS = [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12), Date.UTC(2026, 2, 29, 1, 30), Date.UTC(2026, 3, 5, 15)];

/** Small pools share many items (and spellings of one item); wide ones need more than one 32-bit word. */
function pools(wide: boolean): { interests: string[]; goals: number; languages: string[] } {
  return wide
    ? {
        interests: Array.from({ length: 90 }, (_, k) => `topic ${k}`),
        goals: 70,
        languages: Array.from({ length: 45 }, (_, k) => `language ${k}`),
      }
    : {
        interests: [
          'storytime',
          'Storytime',
          ' storytime ',
          'outreach',
          'early literacy',
          'early  Literacy',
          'teen services',
          'makerspaces',
          '',
          ' ',
        ],
        goals: 7,
        languages: ['English', 'english', ' English ', 'Spanish', 'French', ''],
      };
}

const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 4 });

function profileArbitrary(wide: boolean): fc.Arbitrary<MentorProfile> {
  const pool = pools(wide);
  const length = wide ? 14 : 5;
  return fc.record({
    id: fc.constant(''),
    employer: maybe(fc.constantFrom('Oak Park PL', ' oak park  pl ', 'Evanston PL', 'EVANSTON PL', '')),
    workplaceType: maybe(fc.constantFrom(...WORKPLACE_TYPES)),
    yearsExperience: maybe(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) },
        { weight: 2, arbitrary: fc.double({ min: 0, max: 40, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY) },
      ),
    ),
    region: maybe(fc.constantFrom('US-IL', 'us-il', ' US-IL', 'US-CA', '')),
    timeZone: maybe(fc.constantFrom(...ZONES)),
    interests: maybe(fc.array(fc.constantFrom(...pool.interests), { maxLength: length })),
    programGoals: maybe(fc.array(fc.integer({ min: 1, max: pool.goals }), { maxLength: length })),
    channels: maybe(fc.array(fc.constantFrom(...CHANNELS), { maxLength: 6 })),
    languages: maybe(fc.array(fc.constantFrom(...pool.languages), { maxLength: wide ? 8 : 3 })),
    meetInPerson: maybe(fc.boolean()),
    preferences: maybe(fc.record({ preferSameGender: maybe(fc.boolean()), gender: maybe(fc.constantFrom('f', 'F ', 'm', 'x', '')) })),
    capacity: maybe(fc.integer({ min: 0, max: 3 })),
  });
}

const rarely = fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const weightValue = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
);
const band = fc
  .record({
    idealMin: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })),
    width: fc.oneof(fc.integer({ min: 0, max: 15 }), fc.double({ min: 0, max: 15, noNaN: true })),
    falloff: fc.double({ min: 0.1, max: 20, noNaN: true }),
  })
  .map(({ idealMin, width, falloff }) => ({ idealMin, idealMax: idealMin + width, falloff }));
const zeroAtHours = fc.oneof(fc.integer({ min: 1, max: 24 }), fc.double({ min: 0.25, max: 24, noNaN: true }));

function withSettings(input: Record<string, object>, settings: { band: object; zeroAtHours: number }): WeightsInput {
  return {
    ...input,
    experience: { ...input.experience, ...settings.band },
    timeZone: { ...input.timeZone, zeroAtHours: settings.zeroAtHours },
  } as WeightsInput;
}

const weightsArbitrary: fc.Arbitrary<Weights> = fc
  .record({
    kind: fc.constantFrom('defaults', 'random', 'one', 'none'),
    only: fc.constantFrom(...CRITERIA),
    perCriterion: fc.array(fc.record({ weight: weightValue, must: rarely }), { minLength: CRITERIA.length, maxLength: CRITERIA.length }),
    onlyWeight: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.001, max: 10, noNaN: true })),
    onlyMust: fc.boolean(),
    band,
    zeroAtHours,
  })
  .map((r) => {
    const input: Record<string, object> = {};
    CRITERIA.forEach((c, k) => {
      const given = r.perCriterion[k] as { weight: number; must: boolean };
      if (r.kind === 'random') input[c] = given;
      // Every weight zero but one (which may also be a must).
      if (r.kind === 'one') input[c] = c === r.only ? { weight: r.onlyWeight, must: r.onlyMust } : { weight: 0 };
      if (r.kind === 'none') input[c] = { weight: 0, must: given.must };
    });
    return weightsSchema.parse(r.kind === 'defaults' ? {} : withSettings(input, r));
  });

interface Population {
  readonly mentees: MenteeProfile[];
  readonly mentors: MentorProfile[];
  readonly banned: [number, number, 'previous-partner' | 'forbidden'][];
  readonly weights: Weights;
  readonly at: number;
}

const populationArbitrary = (maxMentees: number, maxMentors: number): fc.Arbitrary<Population> =>
  fc.boolean().chain((wide) =>
    fc
      .record({
        mentees: fc.array(profileArbitrary(wide), { maxLength: maxMentees }),
        mentors: fc.array(profileArbitrary(wide), { maxLength: maxMentors }),
        bans: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('previous-partner' as const, 'forbidden' as const)), { maxLength: 4 }),
        weights: weightsArbitrary,
        at: fc.constantFrom(...INSTANTS),
      })
      .map(({ mentees, mentors, bans, weights, at }) => ({
        mentees: mentees.map(({ capacity: _capacity, ...p }, i) => ({ ...p, id: `e${i}` })),
        mentors: mentors.map((p, j) => ({ ...p, id: `m${j}` })),
        banned:
          mentees.length === 0 || mentors.length === 0 ? [] : bans.map(([i, j, kind]) => [i % mentees.length, j % mentors.length, kind]),
        weights,
        at,
      })),
  );

function ruleIndex(banned: Population['banned']): HardRuleIndex {
  const index = new Map<number, Map<number, 'previous-partner' | 'forbidden'>>();
  for (const [i, j, kind] of banned) {
    const row = index.get(i) ?? new Map<number, 'previous-partner' | 'forbidden'>();
    if (!row.has(j)) row.set(j, kind);
    index.set(i, row);
  }
  return { banned: index };
}

/** Every disagreement between the matrix, single pairs and the reference, in words. */
function disagreements(p: Population): string[] {
  const { mentees, mentors, weights, at } = p;
  const m = mentors.length;
  const rules = ruleIndex(p.banned);
  const pop = preparePopulation(mentees, mentors, new TimeZoneOffsets(at));
  const matrix = buildScoreMatrix(pop, weights, rules);
  const { w, sum } = weightVector(weights);
  const values = new Float64Array(CRITERIA.length);
  const problems: string[] = [];
  for (let i = 0; i < mentees.length; i++) {
    for (let j = 0; j < m; j++) {
      const pair = `e${i}/m${j}`;
      const mentee = mentees[i] as MenteeProfile;
      const mentor = mentors[j] as MentorProfile;
      evaluatePair(pop, weights, i, j, values);
      const expected = referenceValues(mentee, mentor, weights, at);
      CRITERIA.forEach((c, k) => {
        if (!Object.is(values[k], expected[k])) problems.push(`${pair} ${c}: engine ${values[k]}, reference ${expected[k]}`);
      });
      const why = pairExclusion(pop, weights, rules, i, j, values);
      const kind = why === null ? null : why.kind === 'must' ? why.criterion : why.kind;
      const expectedKind = referenceExclusion(mentee, mentor, rules.banned.get(i)?.get(j), expected, weights);
      if (kind !== expectedKind) problems.push(`${pair} exclusion: engine ${kind}, reference ${expectedKind}`);
      const single = why === null ? scoreOf(values, w, sum) : -Infinity;
      const reference = expectedKind === null ? referenceScore(expected, weights) : -Infinity;
      if (!Object.is(single, reference)) problems.push(`${pair} single-pair score ${single}, reference ${reference}`);
      if (!Object.is(matrix[i * m + j], single)) problems.push(`${pair} matrix ${matrix[i * m + j]}, single pair ${single}`);
    }
  }
  return problems;
}

describe('criteria: score matrix, single pairs and the reference agree to the bit', () => {
  // Empty lists, spellings of one item, multi-word vocabularies, far time zones, odd weights,
  // musts and bans. With many mentors per mentee, shared-item values are looked up per mentee.
  it.each([
    { mentees: 9, mentors: 7, runs: 300 },
    { mentees: 3, mentors: 40, runs: 100 },
  ])('on random populations of up to $mentees x $mentors', ({ mentees, mentors, runs }) => {
    fc.assert(
      fc.property(populationArbitrary(mentees, mentors), (p) => {
        expect(disagreements(p)).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('on hand-picked edge cases', () => {
    const everyoneEmpty: MentorProfile = { id: '', interests: [], programGoals: [], channels: [], languages: [] };
    const far = (id: string, timeZone: string): MentorProfile => ({ id, timeZone, interests: ['storytime'], languages: ['English'] });
    const cases: Population[] = [
      {
        mentees: [{ ...everyoneEmpty, id: 'e0' }],
        mentors: [{ ...everyoneEmpty, id: 'm0' }],
        banned: [],
        weights: DEFAULT_WEIGHTS,
        at: INSTANTS[0] as number,
      },
      {
        mentees: ['Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Chatham'].map((z, i) => far(`e${i}`, z)),
        mentors: ['Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'].map((z, j) => far(`m${j}`, z)),
        banned: [[0, 3, 'forbidden']],
        weights: weightsSchema.parse({ timeZone: { zeroAtHours: 24 } }),
        at: INSTANTS[1] as number,
      },
      ...CRITERIA.map((only) => ({
        mentees: [far('e0', 'UTC'), { ...everyoneEmpty, id: 'e1', workplaceType: 'public' as const, yearsExperience: 3 }],
        mentors: [far('m0', 'Asia/Kolkata'), { ...everyoneEmpty, id: 'm1', workplaceType: 'school' as const, yearsExperience: 30 }],
        banned: [],
        weights: weightsSchema.parse(Object.fromEntries(CRITERIA.map((c) => [c, { weight: c === only ? 1 : 0, must: c === only }]))),
        at: INSTANTS[0] as number,
      })),
    ];
    for (const p of cases) expect(disagreements(p)).toEqual([]);
  });
});

describe('proposeMatches scores and explains exactly what the reference says', () => {
  it('on random populations with capacities 0..3', () => {
    fc.assert(
      fc.property(populationArbitrary(8, 5), (p) => {
        const rules = ruleIndex(p.banned);
        const id = (prefix: string, k: number): string => `${prefix}${k}`;
        const previousPartners = p.banned
          .filter(([, , k]) => k === 'previous-partner')
          .map(([i, j]) => ({ menteeId: id('e', i), mentorId: id('m', j) }));
        const forbidden = p.banned.filter(([, , k]) => k === 'forbidden').map(([i, j]) => ({ menteeId: id('e', i), mentorId: id('m', j) }));
        const proposal = proposeMatches({
          mentees: p.mentees,
          mentors: p.mentors,
          weights: p.weights,
          hardRules: { previousPartners, forbidden },
          referenceDate: p.at,
        });
        const used = new Map<string, number>();
        for (const pair of proposal.pairs) {
          const i = Number(pair.menteeId.slice(1));
          const j = Number(pair.mentorId.slice(1));
          const mentee = p.mentees[i] as MenteeProfile;
          const mentor = p.mentors[j] as MentorProfile;
          const values = referenceValues(mentee, mentor, p.weights, p.at);
          expect(referenceExclusion(mentee, mentor, rules.banned.get(i)?.get(j), values, p.weights)).toBeNull();
          expect(Object.is(pair.score, referenceScore(values, p.weights))).toBe(true);
          const named = CRITERIA.filter((c, k) => !Number.isNaN(values[k]) && p.weights[c].weight > 0);
          expect(pair.reasons.map((r) => r.criterion).sort()).toEqual([...named].sort());
          for (const r of pair.reasons) {
            // No wishes in this run, so every reason is a criterion (the line above checks it).
            expect(r.value).toBe(values[CRITERION_INDEX[r.criterion as Criterion]]);
            expect(r.text).not.toBe('');
          }
          used.set(pair.mentorId, (used.get(pair.mentorId) ?? 0) + 1);
        }
        for (const [mentorId, count] of used) expect(count).toBeLessThanOrEqual(p.mentors[Number(mentorId.slice(1))]?.capacity ?? 1);
        expect(proposal.pairs.length + proposal.unmatched.length).toBe(p.mentees.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the criteria table', () => {
  it('names every criterion once, the same as the weights, and gives shared-item criteria a saturation', () => {
    const names: readonly Criterion[] = CRITERION_TABLE.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort());
    names.forEach((c, k) => expect(CRITERION_INDEX[c]).toBe(k));
    expect(Object.fromEntries(CRITERION_TABLE.flatMap((c) => (c.saturation === undefined ? [] : [[c.name, c.saturation]])))).toEqual({
      goals: 2,
      interests: 3,
      channels: 1,
      language: 1,
    });
  });
});
