import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { RematchRequestStatus } from '../../shared/match-management.ts';
import { FIGURE_KEYS } from '../../shared/reports.ts';
import type { FigureKey } from '../../shared/reports.ts';
import { FIGURE_SPECS, periodFigures, planFigures, populations } from './program-figures.rules.ts';
import type { Attendance, GoalSheetTiming, PeriodFacts, UnmatchedWhy } from './program-figures.rules.ts';
import { findLeak as findAtomLeak } from '../../../test/setup/difference-attacker.ts';
import type { Leak } from '../../../test/setup/difference-attacker.ts';

/**
 * The workspace's figures against an attacker that knows nothing of the rule (PRODUCT.md §11,
 * decision 0012), in the style of survey-suppression.property.test.ts.
 *
 * For each population (applications, matches, re-match requests, people invited to events, survey
 * invitations) the attacker sees every figure shown over it: its total and each bar, as groups of
 * units. The finest groups in play are the "atoms": the non-empty cells over every attribute of
 * the population, shown or not. A set of atoms is worked out by difference exactly when its 0/1
 * vector lies in the rational span of the visible groups' vectors (orthogonal to their kernel).
 * The attacker tries every set of atoms and reports one holding between 1 and min-1 distinct people.
 */

interface Unit {
  person: string;
  attrs: Readonly<Record<string, string>>;
}

/** The attacker of test/setup/difference-attacker.ts, each unit's atom its cell over every attribute of the population. */
function findLeak(units: readonly Unit[], visible: readonly (readonly number[])[], min: number): Leak | null {
  const attrs = [...new Set(units.flatMap((u) => Object.keys(u.attrs)))].sort();
  const atomOf = (u: Unit) => JSON.stringify(attrs.map((a) => u.attrs[a] ?? ''));
  return findAtomLeak(
    units.map((u) => ({ person: u.person, atom: atomOf(u) })),
    visible,
    min,
  );
}

/** What a reader sees of one population: each shown figure's counted units and each of its bars, checked against the chart. */
function visibleGroups(facts: PeriodFacts, min: number): Map<string, { units: Unit[]; groups: number[][] }> {
  const pops = populations(facts);
  const figures = periodFigures(facts, min);
  const plans = planFigures(facts, min);
  const out = new Map<string, { units: Unit[]; groups: number[][] }>();
  for (const [name, units] of Object.entries(pops)) out.set(name, { units, groups: [] });
  for (const key of FIGURE_KEYS) {
    const data = figures[key];
    const plan = plans[key];
    expect(data.suppressed).toBe(!plan.shown);
    if (data.suppressed || !plan.shown) continue;
    const spec = FIGURE_SPECS[key];
    const entry = out.get(spec.population)!;
    const counted = entry.units.map((u, i) => [u, i] as const).filter(([u]) => (spec.counts ? spec.counts(u) : true));
    expect(data.total).toBe(counted.length);
    entry.groups.push(counted.map(([, i]) => i));
    // Each bar's units: every value of the attribute the bar counts (one, or several folded together).
    const covered = plan.bars.flatMap((b) => b.values);
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual(spec.bars.map(([v]) => v).sort());
    plan.bars.forEach((bar, b) => {
      const members = counted.filter(([u]) => bar.values.includes(u.attrs[spec.attribute] ?? '')).map(([, i]) => i);
      expect(data.bars[b]).toEqual({ label: bar.label, value: members.length });
      entry.groups.push(members);
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cohorts: each population drawn from a small palette of "types" (so cells are often small,
// empty or correlated), people drawn from a small pool so some appear more than once.

function fromPalette<T>(type: fc.Arbitrary<T>, maxUnits: number): fc.Arbitrary<T[]> {
  return fc
    .record({
      palette: fc.array(type, { minLength: 1, maxLength: 5 }),
      picks: fc.array(fc.nat({ max: 99 }), { maxLength: maxUnits }),
    })
    .map(({ palette, picks }) => picks.map((p) => palette[p % palette.length]!));
}

const STATUSES: ApplicationStatus[] = ['submitted', 'accepted', 'waitlisted', 'declined', 'withdrawn', 'matched', 'unmatched'];
const WHYS: UnmatchedWhy[] = ['no-eligible-mentor', 'below-min-score', 'mentors-full', 'mentor-not-needed', 'not-recorded'];
const SHEETS: GoalSheetTiming[] = ['on-time', 'late', 'missing', 'not-due'];
const REMATCH: RematchRequestStatus[] = ['open', 'withdrawn', 'rematched', 'reapply', 'kept', 'closed'];
const ATTENDANCE: Attendance[] = ['attended', 'missed', 'not-recorded'];

const person = fc.nat({ max: 24 });
const factsArb: fc.Arbitrary<PeriodFacts> = fc.record({
  applications: fromPalette(
    fc.record({
      person,
      role: fc.constantFrom<ApplicationRole>('mentor', 'mentee'),
      status: fc.constantFrom(...STATUSES),
      why: fc.constantFrom(...WHYS),
    }),
    26,
  ).map((list) => list.map((a, i) => ({ ...a, person: (a.person + i) % 25, why: a.status === 'unmatched' ? a.why : null }))),
  matches: fromPalette(fc.record({ goalSheet: fc.constantFrom(...SHEETS), contacts: fc.nat({ max: 8 }) }), 25).map((list) =>
    list.map((m, i) => ({ ...m, id: i + 1 })),
  ),
  rematchRequests: fromPalette(fc.record({ person, status: fc.constantFrom(...REMATCH) }), 20),
  eventPeople: fromPalette(fc.constantFrom(...ATTENDANCE), 25).map((list) => list.map((attendance, i) => ({ person: i, attendance }))),
  surveyInvitations: fromPalette(fc.record({ person, answered: fc.boolean() }), 30),
});
const minArb = fc.integer({ min: 2, max: 6 });

describe('the attacker is not vacuous', () => {
  it('catches two figures that each look safe but together single out one match', () => {
    // Five matches with missing sheets and no contacts, one with a missing sheet and three contacts, five on time with three contacts.
    const units: Unit[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ person: `a${i}`, attrs: { sheet: 'missing', contacts: '0' } })),
      { person: 'b', attrs: { sheet: 'missing', contacts: '3-5' } },
      ...Array.from({ length: 5 }, (_, i) => ({ person: `c${i}`, attrs: { sheet: 'on-time', contacts: '3-5' } })),
    ];
    const by = (attr: string, value: string) => units.flatMap((u, i) => (u.attrs[attr] === value ? [i] : []));
    // Each bar holds 5 or more, yet "missing" − "no contacts" is the one match in between.
    const visible = [by('sheet', 'missing'), by('sheet', 'on-time'), by('contacts', '0'), by('contacts', '3-5')];
    for (const g of visible) expect(g.length).toBeGreaterThanOrEqual(5);
    expect(findLeak(units, visible, 5)).toMatchObject({ people: 1 });
  });

  it('and the rule hides the second figure for the same matches', () => {
    const facts: PeriodFacts = {
      applications: [],
      matches: [
        ...Array.from({ length: 5 }, (_, i) => ({ id: i + 1, goalSheet: 'missing' as const, contacts: 0 })),
        { id: 6, goalSheet: 'missing' as const, contacts: 4 },
        ...Array.from({ length: 5 }, (_, i) => ({ id: i + 7, goalSheet: 'on-time' as const, contacts: 4 })),
      ],
      rematchRequests: [],
      eventPeople: [],
      surveyInvitations: [],
    };
    const figures = periodFigures(facts, 5);
    expect(figures['goal-sheets'].suppressed).toBe(false);
    expect(figures.contacts.suppressed).toBe(true);
    const seen = visibleGroups(facts, 5).get('matches')!;
    expect(findLeak(seen.units, seen.groups, 5)).toBeNull();
  });
});

describe('folding', () => {
  it('shows late and missing sheets together when each alone is too small, and nothing leaks', () => {
    const sheets = [
      'on-time',
      'on-time',
      'on-time',
      'on-time',
      'on-time',
      'on-time',
      'late',
      'late',
      'late',
      'missing',
      'missing',
    ] as const;
    const facts: PeriodFacts = {
      applications: [],
      matches: sheets.map((goalSheet, i) => ({ id: i + 1, goalSheet, contacts: 7 })),
      rematchRequests: [],
      eventPeople: [],
      surveyInvitations: [],
    };
    const figure = periodFigures(facts, 5)['goal-sheets'];
    expect(figure).toMatchObject({
      suppressed: false,
      bars: [
        { label: 'On time', value: 6 },
        { label: 'Late or missing', value: 5 },
        { label: 'Not due yet', value: 0 },
      ],
      summary: expect.stringContaining('counted together'),
    });
    const seen = visibleGroups(facts, 5).get('matches')!;
    expect(findLeak(seen.units, seen.groups, 5)).toBeNull();
  });
});

describe('every figure against the attacker', () => {
  it('random cohorts and thresholds: no group of 1..min-1 people is visible in any figure, directly or by difference', () => {
    fc.assert(
      fc.property(factsArb, minArb, (facts, min) => {
        for (const { units, groups } of visibleGroups(facts, min).values()) {
          for (const g of groups) {
            const people = new Set(g.map((i) => units[i]!.person)).size;
            expect(people === 0 || people >= min).toBe(true);
          }
          expect(findLeak(units, groups, min)).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the rule is not vacuous: on random cohorts some figures are shown, some folded and some hidden', () => {
    const samples = fc.sample(fc.tuple(factsArb, minArb), { numRuns: 200, seed: 7 });
    const counts = { shown: 0, hidden: 0, folded: 0 };
    for (const [facts, min] of samples) {
      const figures = periodFigures(facts, min);
      const plans = planFigures(facts, min);
      for (const key of FIGURE_KEYS as readonly FigureKey[]) {
        counts[figures[key].suppressed ? 'hidden' : 'shown'] += 1;
        if (plans[key].shown && plans[key].folded) counts.folded += 1;
      }
    }
    expect(counts.shown).toBeGreaterThan(100);
    expect(counts.hidden).toBeGreaterThan(100);
    expect(counts.folded).toBeGreaterThan(20);
  });
});
