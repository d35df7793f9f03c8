import type { ChartData } from '../../shared/api/reports.ts';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { RematchRequestStatus } from '../../shared/match-management.ts';
import { FIGURE_KEYS, FIGURE_LABELS } from '../../shared/reports.ts';
import type { FigureKey } from '../../shared/reports.ts';
import { onTime } from '../goal-sheets/goal-sheet.rules.ts';
import { isPast } from '../matches/match-dates.rules.ts';

/**
 * The program's own figures for one period (PRODUCT.md §11), as charts, with the confidentiality
 * threshold of surveys (decision 0012). Pure: the store gathers the facts, this counts them.
 *
 * THE SUPPRESSION RULE. Each figure splits one population into bars by one attribute:
 *   applications (one per application): role → "applications", outcome → "outcomes",
 *     why not matched → "unmatched-reasons" (a refinement of the outcome "not matched");
 *   matches of the period, active and ended (one per match): goal-sheet timing → "goal-sheets",
 *     contacts bucket → "contacts";
 *   re-match requests (one per request): status → "rematch";
 *   people invited to the period's events (one per person): attendance → "events";
 *   survey invitations of the period's published surveys (one per person and survey): answered
 *     or not → "survey-response".
 * Figures of one population shown side by side are breakdowns of it, and a reader may add and
 * subtract their bars across figures (the "missing goal sheets" and "no contacts" bars can
 * single out the few matches in one and not the other). So the rule is the one surveys use
 * (survey-suppression.rules.ts): the figures of a population, taken in FIGURE_KEYS order, are
 * admitted one by one, each only if every non-empty cell of the cross-tabulation of the admitted
 * attributes holds at least `min` distinct people; a population with people but fewer than `min`
 * shows nothing. Every group a reader can work out from the bars on screen (directly or by
 * difference) is a union of such cells, so none is smaller than `min`. A figure that fails is
 * folded before it is hidden: its smallest bars are merged ("Late or missing") and the check runs
 * again on the bars as shown, so a fold is itself checked and cannot be undone by subtraction;
 * a figure folded down to one bar is hidden. Bars that are zero are
 * shown (an empty group tells nothing about anyone). An empty population shows zeros.
 * Populations of different units (applications, matches, requests, invitations) are not added
 * to one another: a difference between counts of different things is not a group of people.
 * Nothing here carries a name, an e-mail or a person's row; `person` keys stay on the server.
 */

export type GoalSheetTiming = 'on-time' | 'late' | 'missing' | 'not-due';
export type UnmatchedWhy =
  'no-eligible-mentor' | 'below-min-score' | 'mentors-full' | 'removed-by-hand' | 'already-matched' | 'mentor-not-needed' | 'not-recorded';
export type Attendance = 'attended' | 'missed' | 'not-recorded';

export interface PeriodFacts {
  applications: readonly { person: number; role: ApplicationRole; status: ApplicationStatus; why: UnmatchedWhy | null }[];
  matches: readonly { id: number; goalSheet: GoalSheetTiming; contacts: number }[];
  rematchRequests: readonly { person: number; status: RematchRequestStatus }[];
  eventPeople: readonly { person: number; attendance: Attendance }[];
  surveyInvitations: readonly { person: number; answered: boolean }[];
}

/** One counted thing: who it is about (for distinct counts only) and its attributes. */
interface Unit {
  person: string;
  attrs: Readonly<Record<string, string>>;
}

interface FigureSpec {
  population: 'applications' | 'matches' | 'rematch' | 'events' | 'surveys';
  attribute: string;
  unit: string;
  /** Bars in order: the attribute's value and its label. */
  bars: readonly (readonly [string, string])[];
  /** Only these units are counted in the chart (the rest still count for the rule). */
  counts?: (u: Unit) => boolean;
}

const OUTCOME_OF: Record<ApplicationStatus, string> = {
  submitted: 'waiting',
  accepted: 'waiting',
  waitlisted: 'waitlisted',
  declined: 'declined',
  withdrawn: 'withdrawn',
  matched: 'matched',
  unmatched: 'unmatched',
};

export function contactsBucket(n: number): string {
  if (n <= 0) return '0';
  if (n <= 2) return '1-2';
  if (n <= 5) return '3-5';
  return '6+';
}

export const FIGURE_SPECS: Record<FigureKey, FigureSpec> = {
  applications: {
    population: 'applications',
    attribute: 'role',
    unit: 'applications',
    bars: [
      ['mentor', 'Mentors'],
      ['mentee', 'Mentees'],
    ],
  },
  outcomes: {
    population: 'applications',
    attribute: 'outcome',
    unit: 'applications',
    bars: [
      ['matched', 'Matched'],
      ['unmatched', 'Not matched'],
      ['waitlisted', 'Waitlisted'],
      ['declined', 'Declined'],
      ['withdrawn', 'Withdrawn'],
      ['waiting', 'Still being decided'],
    ],
  },
  'unmatched-reasons': {
    population: 'applications',
    attribute: 'why',
    unit: 'applications not matched',
    bars: [
      ['no-eligible-mentor', 'No suitable mentor'],
      ['below-min-score', 'No match good enough'],
      ['mentors-full', 'Mentors were full'],
      ['mentor-not-needed', 'Mentor not needed this time'],
      ['already-matched', 'Already in a match'],
      ['removed-by-hand', 'Left out by staff'],
      ['not-recorded', 'Reason not recorded'],
    ],
    counts: (u) => u.attrs['why'] !== '',
  },
  'goal-sheets': {
    population: 'matches',
    attribute: 'sheet',
    unit: 'matches',
    bars: [
      ['on-time', 'On time'],
      ['late', 'Late'],
      ['missing', 'Missing'],
      ['not-due', 'Not due yet'],
    ],
  },
  rematch: {
    population: 'rematch',
    attribute: 'status',
    unit: 're-match requests',
    bars: [
      ['rematched', 'New partner found'],
      ['kept', 'Kept the match'],
      ['reapply', 'Carried to the next period'],
      ['closed', 'Match ended'],
      ['withdrawn', 'Withdrawn'],
      ['open', 'Still open'],
    ],
  },
  contacts: {
    population: 'matches',
    attribute: 'contacts',
    unit: 'matches',
    bars: [
      ['0', 'No contacts'],
      ['1-2', '1 to 2'],
      ['3-5', '3 to 5'],
      ['6+', '6 or more'],
    ],
  },
  events: {
    population: 'events',
    attribute: 'attendance',
    unit: 'people invited to events',
    bars: [
      ['attended', 'Came to at least one'],
      ['missed', 'Did not come'],
      ['not-recorded', 'Attendance not recorded'],
    ],
  },
  'survey-response': {
    population: 'surveys',
    attribute: 'answered',
    unit: 'survey invitations',
    bars: [
      ['yes', 'Answered'],
      ['no', 'Did not answer'],
    ],
  },
};

/** Every population of the period as units with their attributes. */
export function populations(facts: PeriodFacts): Record<FigureSpec['population'], Unit[]> {
  return {
    applications: facts.applications.map((a) => ({
      person: String(a.person),
      attrs: { role: a.role, outcome: OUTCOME_OF[a.status], why: a.status === 'unmatched' ? (a.why ?? 'not-recorded') : '' },
    })),
    // A match is a pair: it stands for two people, so one match is a group of two at least.
    matches: facts.matches.map((m) => ({ person: `m${m.id}`, attrs: { sheet: m.goalSheet, contacts: contactsBucket(m.contacts) } })),
    rematch: facts.rematchRequests.map((r) => ({ person: String(r.person), attrs: { status: r.status } })),
    events: facts.eventPeople.map((e) => ({ person: String(e.person), attrs: { attendance: e.attendance } })),
    surveys: facts.surveyInvitations.map((s) => ({ person: String(s.person), attrs: { answered: s.answered ? 'yes' : 'no' } })),
  };
}

/** An attribute as shown: each value mapped to the bar (group of values) it is counted in. */
interface ShownAttribute {
  attribute: string;
  groupOf: ReadonlyMap<string, string>;
}

/** Whether every non-empty cell of the units split by all of `shown` holds `min` distinct people or more. */
export function cellsHoldAtLeast(units: readonly Unit[], shown: readonly ShownAttribute[], min: number): boolean {
  const cells = new Map<string, Set<string>>();
  for (const u of units) {
    const key = JSON.stringify(shown.map((a) => a.groupOf.get(u.attrs[a.attribute] ?? '') ?? u.attrs[a.attribute] ?? ''));
    const set = cells.get(key) ?? new Set<string>();
    set.add(u.person);
    cells.set(key, set);
  }
  for (const people of cells.values()) if (people.size < min) return false;
  return true;
}

/** A figure as it may be shown: its bars, each the attribute values it counts (several when folded together). */
export type FigurePlan =
  { shown: true; bars: { label: string; values: string[] }[]; folded: boolean } | { shown: false; why: 'too-few' | 'difference' };

const joinLabels = (labels: readonly string[]) =>
  labels.map((l, i) => (i === 0 ? l : /^[A-Z][a-z]/.test(l) ? l[0]!.toLowerCase() + l.slice(1) : l)).join(' or ');

const shownAs = (attribute: string, groups: readonly string[][]): ShownAttribute => ({
  attribute,
  groupOf: new Map(groups.flatMap((g) => g.map((v) => [v, g.join('+')] as const))),
});

/**
 * Merges groups of values until `holds` accepts them: the smallest group with the smaller of its
 * neighbours ("late or missing"), or with the next smallest anywhere. Null when only one bar would
 * be left (a single bar is just the total). Each merged group keeps the figure's order of values.
 */
function fold(
  start: readonly string[][],
  how: 'neighbour' | 'smallest',
  size: (values: readonly string[]) => number,
  order: readonly string[],
  holds: (groups: readonly string[][]) => boolean,
): string[][] | null {
  let groups = start.map((g) => [...g]);
  for (;;) {
    if (holds(groups)) return groups;
    if (groups.length <= 2) return null;
    const sizes = groups.map(size);
    const i = sizes.indexOf(Math.min(...sizes));
    let j: number;
    if (how === 'neighbour') j = i === 0 ? 1 : i === groups.length - 1 ? i - 1 : sizes[i - 1]! <= sizes[i + 1]! ? i - 1 : i + 1;
    else
      j = sizes
        .map((n, k) => ({ n, k }))
        .filter((x) => x.k !== i)
        .sort((x, y) => x.n - y.n || x.k - y.k)[0]!.k;
    const [a, b] = i < j ? [i, j] : [j, i];
    const merged = order.filter((v) => groups[a]!.includes(v) || groups[b]!.includes(v));
    groups = groups.flatMap((g, k) => (k === a ? [merged] : k === b ? [] : [g]));
  }
}

/**
 * Which figures may be shown and how (the rule at the top of this file). A figure that fails is
 * first folded (see `fold`): small bars are merged, again and again, until the cells hold `min`
 * people each; the check is made on the bars as shown, so a fold cannot be undone by subtraction.
 * A fold down to a single bar says nothing, so the figure is hidden.
 */
export function planFigures(facts: PeriodFacts, min: number): Record<FigureKey, FigurePlan> {
  const pops = populations(facts);
  const admitted = new Map<string, ShownAttribute[]>();
  const plans = {} as Record<FigureKey, FigurePlan>;
  for (const key of FIGURE_KEYS) {
    const spec = FIGURE_SPECS[key];
    const units = pops[spec.population];
    const people = new Set(units.map((u) => u.person)).size;
    const plain = spec.bars.map(([value, label]) => ({ label, values: [value] }));
    if (units.length === 0) {
      plans[key] = { shown: true, bars: plain, folded: false };
      continue;
    }
    if (people < min) {
      plans[key] = { shown: false, why: 'too-few' };
      continue;
    }
    const before = admitted.get(spec.population) ?? [];
    const size = (values: readonly string[]) => units.filter((u) => values.includes(u.attrs[spec.attribute] ?? '')).length;
    const order = spec.bars.map(([value]) => value);
    const holds = (groups: readonly string[][]) => cellsHoldAtLeast(units, [...before, shownAs(spec.attribute, groups)], min);
    // Groups of values, in the figure's order; empty values stay bars of their own (zero tells nothing).
    const start = order.map((value) => [value]).filter((g) => size(g) > 0);
    // Two ways to fold, each checked on the bars it shows; the one keeping more bars wins.
    const candidates = (['neighbour', 'smallest'] as const).map((how) => fold(start, how, size, order, holds)).filter((g) => g !== null);
    const groups = candidates.sort((a, b) => b.length - a.length)[0];
    let plan: FigurePlan = { shown: false, why: 'difference' };
    if (groups) {
      admitted.set(spec.population, [...before, shownAs(spec.attribute, groups)]);
      const labelOf = new Map(spec.bars.map(([value, label]) => [value, label]));
      const bars: { label: string; values: string[] }[] = [];
      for (const value of order) {
        const group = groups.find((g) => g.includes(value));
        if (!group) bars.push({ label: labelOf.get(value)!, values: [value] });
        else if (group[0] === value) bars.push({ label: joinLabels(group.map((v) => labelOf.get(v)!)), values: group });
      }
      plan = { shown: true, bars, folded: groups.some((g) => g.length > 1) };
    }
    plans[key] = plan;
  }
  return plans;
}

const pct = (n: number, total: number) => (total === 0 ? '0%' : `${Math.round((n / total) * 100)}%`);

function inWords(bars: readonly { label: string; value: number }[], total: number, unit: string): string {
  if (total === 0) return `No ${unit} to count yet.`;
  return `Of ${total} ${unit}: ${bars.map((b) => `${b.label}: ${b.value} (${pct(b.value, total)})`).join('; ')}.`;
}

/** Every figure of the period, each shown (perhaps with small groups folded together) or hidden with its reason. */
export function periodFigures(facts: PeriodFacts, min: number): Record<FigureKey, ChartData> {
  const pops = populations(facts);
  const plans = planFigures(facts, min);
  const out = {} as Record<FigureKey, ChartData>;
  for (const key of FIGURE_KEYS) {
    const spec = FIGURE_SPECS[key];
    const title = FIGURE_LABELS[key];
    const plan = plans[key];
    if (!plan.shown) {
      out[key] = {
        suppressed: true,
        title,
        reason:
          plan.why === 'too-few'
            ? `Fewer than ${min} people are counted here, so the figure is hidden to keep them from being recognised.`
            : `Some group here is smaller than ${min} people, or could be worked out by subtracting one figure from another, so this figure is hidden.`,
      };
      continue;
    }
    const all = pops[spec.population];
    const counted = spec.counts ? all.filter(spec.counts) : all;
    const bars = plan.bars.map((b) => ({
      label: b.label,
      value: counted.filter((u) => b.values.includes(u.attrs[spec.attribute] ?? '')).length,
    }));
    const total = counted.length;
    const note = plan.folded ? ` Groups smaller than ${min} are counted together with others so that nobody can be recognised.` : '';
    out[key] = { suppressed: false, title, unit: spec.unit, bars, total, summary: inWords(bars, total, spec.unit) + note };
  }
  return out;
}

/** A match's goal sheet against its due date, in the program's time zone (the same "on time" as goal sheets). */
export function sheetTiming(firstSubmittedAt: string | null, dueOn: string, now: Date, timeZone: string): GoalSheetTiming {
  const timely = onTime(firstSubmittedAt, dueOn, timeZone);
  if (timely !== null) return timely ? 'on-time' : 'late';
  return isPast(dueOn, now, timeZone) ? 'missing' : 'not-due';
}

/** One row per person invited to the period's past events: came to one at least, missed all marked, or not marked. */
export function attendanceByPerson(
  invitations: readonly { userId: number; attended: number | null }[],
): { person: number; attendance: Attendance }[] {
  const byPerson = new Map<number, Attendance>();
  for (const i of invitations) {
    const before = byPerson.get(i.userId) ?? 'not-recorded';
    const now: Attendance = i.attended === 1 ? 'attended' : i.attended === 0 ? 'missed' : 'not-recorded';
    byPerson.set(
      i.userId,
      before === 'attended' || now === 'attended' ? 'attended' : before === 'missed' || now === 'missed' ? 'missed' : 'not-recorded',
    );
  }
  return [...byPerson.entries()].sort(([a], [b]) => a - b).map(([person, attendance]) => ({ person, attendance }));
}

const RUN_REASONS: readonly UnmatchedWhy[] = [
  'no-eligible-mentor',
  'below-min-score',
  'mentors-full',
  'removed-by-hand',
  'already-matched',
  'mentor-not-needed',
];

/**
 * Why an application ended "not matched": the reason the approved matching run gave (for a
 * mentee: its own reason; for a mentor: given no mentee, so not needed this time). Anything else
 * (e.g. a match ended later) has no recorded reason. The free-text `decision_reason` staff write
 * is never used as a label: it may name someone.
 */
export function unmatchedWhy(
  application: { id: number; status: ApplicationStatus },
  runReasons: ReadonlyMap<number, string>,
): UnmatchedWhy | null {
  if (application.status !== 'unmatched') return null;
  const reason = runReasons.get(application.id);
  return reason !== undefined && (RUN_REASONS as readonly string[]).includes(reason) ? (reason as UnmatchedWhy) : 'not-recorded';
}

/** The reasons approved runs give, by application id (later runs win). */
export function runReasonsOf(results: readonly unknown[]): Map<number, string> {
  const reasons = new Map<number, string>();
  for (const r of results) {
    if (typeof r !== 'object' || r === null) continue;
    const { unmatched, mentors } = r as { unmatched?: unknown; mentors?: unknown };
    if (Array.isArray(mentors)) {
      for (const m of mentors as { mentorApplicationId?: unknown; assigned?: unknown }[]) {
        if (typeof m.mentorApplicationId === 'number' && m.assigned === 0) reasons.set(m.mentorApplicationId, 'mentor-not-needed');
      }
    }
    if (Array.isArray(unmatched)) {
      for (const u of unmatched as { menteeApplicationId?: unknown; reason?: unknown }[]) {
        if (typeof u.menteeApplicationId === 'number' && typeof u.reason === 'string') reasons.set(u.menteeApplicationId, u.reason);
      }
    }
  }
  return reasons;
}
