import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue, Question, QuestionSummary } from '../../shared/api/surveys.ts';
import type { RespondentRole } from '../../shared/surveys.ts';
import { surveyResults } from './survey-results.rules.ts';
import type { StoredResponse } from './survey-results.rules.ts';
import { showableBreakdowns } from './survey-suppression.rules.ts';
import { findLeak as findAtomLeak, integerKernel } from '../../../test/setup/difference-attacker.ts';
import type { Leak } from '../../../test/setup/difference-attacker.ts';
import { surveyQuestion as question } from '../../../test/fixtures/survey-question.ts';
import { mulberry32 } from '../../shared/seeded-random.ts';

/**
 * Suppression against an attacker that knows nothing of the rule (PRODUCT.md §10).
 *
 * The attacker sees some groups of people (everyone, and each cell of each breakdown shown) and
 * may add and subtract them. The finest groups in play are the "atoms": the non-empty cells of the
 * cross-tabulation over every dimension involved, shown or not (the attacker is told which cells
 * are empty, which only makes it stronger). Each visible group is a 0/1 vector over the atoms; a
 * set of atoms is worked out by difference exactly when its 0/1 vector lies in the rational span
 * of the visible vectors, i.e. when it is orthogonal to every vector of their kernel. The attacker
 * tries every non-empty set of atoms and reports one whose people number 1..min-1.
 */

// ---------------------------------------------------------------------------------------------
// The attacker (test/setup/difference-attacker.ts): each person is one unit, their atom the cell
// over every dimension in play.

type Person = Readonly<Record<string, string>>;

function findLeak(people: readonly Person[], dims: readonly string[], visible: readonly (readonly number[])[], min: number): Leak | null {
  const inPlay = [...new Set(dims)];
  const units = people.map((p, i) => ({ person: String(i), atom: JSON.stringify(inPlay.map((d) => p[d])) }));
  return findAtomLeak(units, visible, min);
}

/** What a reader sees when `shown` breakdowns are on screen: everyone (if enough), then each cell. */
function visibleGroups(people: readonly Person[], shown: readonly string[], min: number): number[][] {
  if (people.length < min) return [];
  const groups: number[][] = [people.map((_, i) => i)];
  for (const d of shown) {
    const cells = new Map<string, number[]>();
    people.forEach((p, i) => cells.set(p[d]!, [...(cells.get(p[d]!) ?? []), i]));
    groups.push(...cells.values());
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Cohorts: a few "types" of person drawn often, plus some drawn at random, so that cells are
// often small or empty and the dimensions are often correlated (all mentors in the North…).

const VALUES = {
  role: ['mentor', 'mentee'],
  region: ['N', 'S', 'E'],
  period: ['p1', 'p2', 'p3'],
} as const;
type Dim = keyof typeof VALUES;
const DIMS: readonly Dim[] = ['role', 'region', 'period'];
/** With two periods, all three dimensions make at most 2 × 3 × 2 = 12 cells: 4096 sets to try. */
const TWELVE_CELLS = { ...VALUES, period: ['p1', 'p2'] };

function cohortArbitrary(values: Readonly<Record<Dim, readonly string[]>>, maxPeople = 60) {
  const personArb = fc.record({
    role: fc.constantFrom(...values.role),
    region: fc.constantFrom(...values.region),
    period: fc.constantFrom(...values.period),
  });
  return fc
    .record({
      palette: fc.array(fc.record({ type: personArb, weight: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 6 }),
      noise: fc.integer({ min: 0, max: 4 }),
      picks: fc.array(fc.record({ roll: fc.integer({ min: 0, max: 19 }), palette: fc.nat({ max: 999 }), free: personArb }), {
        maxLength: maxPeople,
        size: 'max',
      }),
    })
    .map(({ palette, noise, picks }): Person[] => {
      const weights = palette.reduce((s, t) => s + t.weight, 0);
      return picks.map((pick) => {
        if (pick.roll < noise) return pick.free;
        let roll = pick.palette % weights;
        for (const t of palette) {
          if (roll < t.weight) return t.type;
          roll -= t.weight;
        }
        return palette[0]!.type;
      });
    });
}

const minArb = fc.integer({ min: 3, max: 8 });
const pairArb = fc.shuffledSubarray([...DIMS], { minLength: 2, maxLength: 2 });

// ---------------------------------------------------------------------------------------------

describe('the attacker is not vacuous', () => {
  // All three mentors are in the North, so North − mentors = the one mentee in the North.
  const people: Person[] = [
    ...Array.from({ length: 3 }, () => ({ role: 'mentor', region: 'N' })),
    { role: 'mentee', region: 'N' },
    ...Array.from({ length: 3 }, () => ({ role: 'mentee', region: 'S' })),
  ];
  const min = 3;
  /** Shows each breakdown whose own cells are all big enough, ignoring what they reveal together. */
  const naive = (ps: readonly Person[], dims: readonly string[], m: number) =>
    ps.length < m ? [] : dims.filter((d) => [...new Set(ps.map((p) => p[d]))].every((v) => ps.filter((p) => p[d] === v).length >= m));

  it('catches a naïve rule that shows role and region because each has groups of 3 or more', () => {
    const shown = naive(people, ['role', 'region'], min);
    expect(shown).toEqual(['role', 'region']);
    for (const g of visibleGroups(people, shown, min)) expect(g.length).toBeGreaterThanOrEqual(min);
    expect(findLeak(people, ['role', 'region'], visibleGroups(people, shown, min), min)).toEqual({
      atoms: [JSON.stringify(['mentee', 'N'])],
      people: 1,
    });
  });

  it('finds nothing in what the rule shows for the same people (role only)', () => {
    const shown = showableBreakdowns(people, ['role', 'region'], min);
    expect(shown).toEqual(['role']);
    expect(findLeak(people, ['role', 'region'], visibleGroups(people, shown, min), min)).toBeNull();
  });

  it('its kernel: a table with a hole gives every cell away, a full 2×2 table only its margins', () => {
    // Atoms mentor·N, mentee·N, mentee·S; visible N, mentors, mentees, everyone: rank 3, every cell derivable.
    expect(
      integerKernel(
        [
          [1, 1, 0],
          [1, 0, 0],
          [0, 1, 1],
          [1, 1, 1],
        ],
        3,
      ),
    ).toEqual([]);
    // With no hole (2×2, all cells filled) only the margins are derivable: one kernel vector (+ − − +).
    const k = integerKernel(
      [
        [1, 1, 1, 1],
        [1, 1, 0, 0],
        [0, 0, 1, 1],
        [1, 0, 1, 0],
        [0, 1, 0, 1],
      ],
      4,
    );
    expect(k).toHaveLength(1);
    expect(Math.abs(k[0]![0]!)).toBe(Math.abs(k[0]![3]!));
    expect(k[0]![0]! * k[0]![1]!).toBeLessThan(0);
  });

  it('random cohorts reach leaky situations: the naïve rule leaks on some of them', () => {
    const samples = fc.sample(fc.tuple(cohortArbitrary(VALUES), minArb, pairArb), { numRuns: 300, seed: 12 });
    const leaks = samples.filter(([people, min, dims]) =>
      findLeak(people, dims, visibleGroups(people, naive(people, dims, min), min), min),
    );
    expect(leaks.length).toBeGreaterThan(5);
  });
});

describe('showableBreakdowns against the attacker', () => {
  it('random cohorts, thresholds and pairs of breakdowns: no group under the threshold is visible, directly or by difference', () => {
    fc.assert(
      fc.property(cohortArbitrary(VALUES), minArb, pairArb, (people, min, dims) => {
        const shown = showableBreakdowns(people, dims, min);
        expect(shown.every((d) => dims.includes(d))).toBe(true);
        const visible = visibleGroups(people, shown, min);
        for (const g of visible) expect(g.length).toBeGreaterThanOrEqual(min);
        expect(findLeak(people, dims, visible, min)).toBeNull();
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('three breakdowns in any order (at most 12 cells): still nothing under the threshold', () => {
    const listArb = fc.shuffledSubarray([...DIMS], { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(cohortArbitrary(TWELVE_CELLS), minArb, listArb, (people, min, dims) => {
        const shown = showableBreakdowns(people, dims, min);
        const visible = visibleGroups(people, shown, min);
        for (const g of visible) expect(g.length).toBeGreaterThanOrEqual(min);
        expect(findLeak(people, dims, visible, min)).toBeNull();
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('lists with a breakdown repeated are safe too', () => {
    fc.assert(
      fc.property(
        cohortArbitrary(TWELVE_CELLS),
        minArb,
        fc.array(fc.constantFrom(...DIMS), { minLength: 1, maxLength: 3 }),
        (people, min, dims) => {
          const shown = showableBreakdowns(people, dims, min);
          const inPlay = [...new Set(dims)];
          expect(findLeak(people, inPlay, visibleGroups(people, shown, min), min)).toBeNull();
        },
      ),
      { numRuns: 200, seed: 20261208 },
    );
  });

  it('shows nothing to fewer than the threshold, and everything when every cross-cell is big enough', () => {
    fc.assert(
      fc.property(cohortArbitrary(VALUES), minArb, pairArb, (people, min, dims) => {
        const shown = showableBreakdowns(people, dims, min);
        if (people.length < min) expect(shown).toEqual([]);
        const cells = new Map<string, number>();
        for (const p of people) {
          const key = dims.map((d) => p[d]).join('/');
          cells.set(key, (cells.get(key) ?? 0) + 1);
        }
        if (people.length >= min && [...cells.values()].every((c) => c >= min)) expect(shown).toEqual(dims);
      }),
      { numRuns: 300, seed: 20261209 },
    );
  });

  it('the decision is made in a fixed order: asking for the first k breakdowns shows exactly the shown ones among them', () => {
    const listArb = fc.shuffledSubarray([...DIMS], { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(cohortArbitrary(VALUES), minArb, listArb, (people, min, dims) => {
        const all = showableBreakdowns(people, dims, min);
        for (let k = 0; k <= dims.length; k++) {
          const prefix = dims.slice(0, k);
          expect(showableBreakdowns(people, prefix, min)).toEqual(all.filter((d) => prefix.includes(d)));
        }
      }),
      { numRuns: 200, seed: 20261210 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// surveyResults over random responses.

const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
const CHOICES = ['Online', 'In person', 'Both'];
const TOPICS = ['Career', 'Skills', 'Network', 'Balance'];

const QUESTIONS: Question[] = [
  question({ id: 'useful', kind: 'likert', options: LIKERT_LABELS }),
  question({ id: 'format', kind: 'single', options: CHOICES }),
  question({ id: 'topics', kind: 'multiple', options: TOPICS }),
  question({ id: 'hours', kind: 'number', min: 0, max: 40 }),
  question({ id: 'best', kind: 'short-text' }),
  question({ id: 'else', kind: 'long-text', audience: 'mentee' }),
];

const valueArb: Record<Question['kind'], fc.Arbitrary<AnswerValue>> = {
  likert: fc.integer({ min: 1, max: 5 }),
  single: fc.constantFrom(...CHOICES),
  multiple: fc.subarray(TOPICS, { minLength: 1 }),
  number: fc.integer({ min: 0, max: 40 }),
  'short-text': fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x${s}`),
  'long-text': fc.lorem({ maxCount: 4 }).map((s) => `y ${s}`),
};
const blankArb: Record<Question['kind'], fc.Arbitrary<AnswerValue | undefined>> = {
  likert: fc.constant(undefined),
  single: fc.constant(undefined),
  multiple: fc.constantFrom(undefined, []),
  number: fc.constant(undefined),
  'short-text': fc.constantFrom(undefined, '', '   '),
  'long-text': fc.constantFrom(undefined, '\n '),
};

/** Each question skipped often, and how often differs by question and by role, so cells are small. */
const responsesArb = fc
  .record({
    mentorShare: fc.integer({ min: 0, max: 10 }),
    answerRate: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: QUESTIONS.length, maxLength: QUESTIONS.length }),
    people: fc.array(
      fc.record({
        roll: fc.integer({ min: 0, max: 9 }),
        rolls: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: QUESTIONS.length, maxLength: QUESTIONS.length }),
        values: fc.tuple(...QUESTIONS.map((q) => valueArb[q.kind])),
        blanks: fc.tuple(...QUESTIONS.map((q) => blankArb[q.kind])),
      }),
      { maxLength: 40, size: 'max' },
    ),
  })
  .map(({ mentorShare, answerRate, people }): StoredResponse[] =>
    people.map((p) => {
      const role: RespondentRole = p.roll < mentorShare ? 'mentor' : 'mentee';
      const answers: Answers = {};
      QUESTIONS.forEach((q, i) => {
        if (q.audience !== 'both' && q.audience !== role) return;
        const v = p.rolls[i]! < answerRate[i]! ? p.values[i] : p.blanks[i];
        if (v !== undefined) answers[q.id] = v;
      });
      return { role, answers };
    }),
  );

/** Whether a stored answer counts, judged here without the rule's helper. */
const answeredIt = (v: AnswerValue | undefined) =>
  v !== undefined && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

const seeded = mulberry32;

const sortedCopy = <T>(xs: readonly T[]) => [...xs].sort();

/** The summary must be exactly what these values say (the values being the group's own answers). */
function checkSummary(q: Question, s: QuestionSummary, values: readonly AnswerValue[], min: number) {
  expect(s.answered).toBe(values.length);
  expect(s.answered).toBeGreaterThanOrEqual(min);
  const numbers = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const sum = (xs: readonly { count: number }[] | null) => (xs ?? []).reduce((t, c) => t + c.count, 0);
  switch (q.kind) {
    case 'likert':
    case 'number': {
      // Rounded to two places.
      expect(Math.abs(s.mean! - numbers.reduce((t, n) => t + n, 0) / numbers.length)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.round(s.mean! * 100)).toBeCloseTo(s.mean! * 100, 6);
      const lo = numbers[Math.floor((numbers.length - 1) / 2)]!;
      const hi = numbers[Math.ceil((numbers.length - 1) / 2)]!;
      expect(s.median).toBe((lo + hi) / 2);
      if (q.kind === 'likert') {
        expect(s.counts?.map((c) => c.label)).toEqual(LIKERT_LABELS.map((l, i) => `${i + 1} · ${l}`));
        expect(s.counts?.map((c) => c.count)).toEqual([1, 2, 3, 4, 5].map((p) => numbers.filter((n) => n === p).length));
        expect(sum(s.counts)).toBe(s.answered);
      } else expect(s.counts).toBeNull();
      expect(s.texts).toBeNull();
      break;
    }
    case 'single':
      expect(s.counts?.map((c) => c.label)).toEqual(CHOICES);
      expect(sum(s.counts)).toBe(s.answered);
      expect(s.mean).toBeNull();
      expect(s.texts).toBeNull();
      break;
    case 'multiple':
      expect(s.counts?.map((c) => c.label)).toEqual(TOPICS);
      expect(sum(s.counts)).toBe(values.reduce<number>((t, v) => t + (v as string[]).length, 0));
      for (const c of s.counts ?? []) expect(c.count).toBeLessThanOrEqual(s.answered);
      expect(s.texts).toBeNull();
      break;
    case 'short-text':
    case 'long-text':
      expect(s.texts).not.toBeNull();
      expect(sortedCopy(s.texts ?? [])).toEqual(sortedCopy(values as string[]));
      expect(s.counts).toBeNull();
      expect(s.mean).toBeNull();
      break;
  }
}

describe('surveyResults over random responses', () => {
  it('shows everyone only from the threshold up, each role only when every role that answered reaches it, and sums add up', () => {
    fc.assert(
      fc.property(responsesArb, minArb, fc.integer(), (responses, min, seed) => {
        const results = surveyResults(QUESTIONS, responses, { min, by: ['role'], random: seeded(seed) });
        expect(results.map((r) => r.questionId)).toEqual(QUESTIONS.map((q) => q.id));
        results.forEach((r, qi) => {
          const q = QUESTIONS[qi]!;
          const who = responses.filter((x) => answeredIt(x.answers[q.id]));
          const byRole = { mentor: who.filter((x) => x.role === 'mentor'), mentee: who.filter((x) => x.role === 'mentee') };

          if (who.length < min) expect(r.overall).toEqual({ suppressed: true, reason: expect.stringContaining(`Fewer than ${min}`) });
          else {
            expect(r.overall.suppressed).toBe(false);
            if (!r.overall.suppressed)
              checkSummary(
                q,
                r.overall,
                who.map((x) => x.answers[q.id]!),
                min,
              );
          }

          expect(r.breakdowns).toHaveLength(1);
          const groups = r.breakdowns[0]!.groups;
          const roleShown = who.length >= min && Object.values(byRole).every((g) => g.length === 0 || g.length >= min);
          if (!roleShown) {
            expect('suppressed' in groups && groups.suppressed).toBe(true);
            if ('reason' in groups) expect(groups.reason).toMatch(who.length < min ? `Fewer than ${min}` : 'by difference');
            return;
          }
          expect(Array.isArray(groups)).toBe(true);
          if (!Array.isArray(groups)) return;
          const expectedRoles = (['mentee', 'mentor'] as const).filter((role) => byRole[role].length > 0);
          expect(groups.map((g) => g.value)).toEqual(expectedRoles);
          expect(groups.map((g) => g.label)).toEqual(expectedRoles.map((role) => (role === 'mentor' ? 'Mentors' : 'Mentees')));
          groups.forEach((g) =>
            checkSummary(
              q,
              g.summary,
              byRole[g.value as RespondentRole].map((x) => x.answers[q.id]!),
              min,
            ),
          );
          expect(groups.reduce((t, g) => t + g.summary.answered, 0)).toBe(who.length);
        });
      }),
      { numRuns: 300, seed: 20261211 },
    );
  });

  it('nothing in the output, directly or by difference, is a group of 1..min-1 people', () => {
    fc.assert(
      fc.property(responsesArb, minArb, (responses, min) => {
        const results = surveyResults(QUESTIONS, responses, { min, by: ['role'], random: seeded(1) });
        results.forEach((r, qi) => {
          const q = QUESTIONS[qi]!;
          const who = responses.filter((x) => answeredIt(x.answers[q.id]));
          const people = who.map((x) => ({ role: x.role }));
          // The groups as shown: everyone, and each role group, by the people it counts.
          const visible: number[][] = [];
          if (!r.overall.suppressed) visible.push(who.map((_, i) => i));
          for (const b of r.breakdowns) {
            if (!Array.isArray(b.groups)) continue;
            for (const g of b.groups) {
              const members = who.flatMap((x, i) => (x.role === g.value ? [i] : []));
              expect(members).toHaveLength(g.summary.answered);
              visible.push(members);
            }
          }
          for (const g of visible) expect(g.length).toBeGreaterThanOrEqual(min);
          expect(findLeak(people, ['role'], visible, min)).toBeNull();
        });
      }),
      { numRuns: 300, seed: 20261212 },
    );
  });

  it('what is shown does not depend on which breakdowns the reader asks for', () => {
    fc.assert(
      fc.property(responsesArb, minArb, (responses, min) => {
        const none = surveyResults(QUESTIONS, responses, { min, by: [], random: seeded(5) });
        const role = surveyResults(QUESTIONS, responses, { min, by: ['role'], random: seeded(5) });
        const twice = surveyResults(QUESTIONS, responses, { min, by: ['role', 'role'], random: seeded(5) });
        // The texts come in random order, and the random source is shared, so compare them sorted.
        const overall = (o: (typeof role)[number]['overall']) => (o.suppressed ? o : { ...o, texts: o.texts && sortedCopy(o.texts) });
        none.forEach((r, i) => {
          expect(r.breakdowns).toEqual([]);
          expect(overall(role[i]!.overall)).toEqual(overall(r.overall));
          expect(overall(twice[i]!.overall)).toEqual(overall(r.overall));
          const shape = (g: (typeof role)[number]['breakdowns'][number]['groups']) =>
            Array.isArray(g)
              ? g.map((x) => [x.value, x.summary.answered, x.summary.counts, x.summary.texts && sortedCopy(x.summary.texts)])
              : g;
          expect(shape(twice[i]!.breakdowns[0]!.groups)).toEqual(shape(role[i]!.breakdowns[0]!.groups));
          expect(shape(twice[i]!.breakdowns[1]!.groups)).toEqual(shape(role[i]!.breakdowns[0]!.groups));
        });
      }),
      { numRuns: 200, seed: 20261213 },
    );
  });
});
