import type { GoalSheetContent, SheetGoal } from '../../../src/shared/api/goal-sheets.ts';
import type { Channel } from '../../../src/shared/channels.ts';

/**
 * Three-way merge of a goal sheet, for when two people edited it at once.
 *   base   = the sheet as I loaded it,
 *   theirs = the sheet my partner saved in the meantime,
 *   mine   = my edits.
 * A field only one side changed takes that side's value. A field both changed to different values
 * is a conflict the person settles ("Keep mine" / "Use theirs"). Nothing is dropped silently.
 *
 * Goals have no ids, so each side's goals are lined up with the base goals first: with fewer
 * goals than the base, the removed ones are the ones whose absence leaves the rest most alike.
 * Goals both sides added at the end are all kept, theirs first (they saved first).
 */

export type Side = 'mine' | 'theirs';
export const GOAL_FIELDS = ['title', 'programGoalIds', 'activities', 'successMeasure', 'targetDate'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

interface ConflictBase {
  id: string;
  /** 1-based, as the goal was numbered when both started editing. */
  goalNumber?: number;
  /** The goal's title, to tell the person which goal this is about. */
  goalTitle?: string;
}
export type Conflict =
  | (ConflictBase & { kind: 'goal-field'; field: GoalField; mine: SheetGoal[GoalField]; theirs: SheetGoal[GoalField] })
  /** One side removed the goal, the other changed it. */
  | (ConflictBase & { kind: 'goal'; mine: SheetGoal | null; theirs: SheetGoal | null })
  | (ConflictBase & { kind: 'channels'; mine: Channel[]; theirs: Channel[] })
  | (ConflictBase & { kind: 'cadence'; mine: string; theirs: string });

export interface MergeResult {
  conflicts: Conflict[];
  /** The merged sheet with each conflict settled as chosen (an unsettled one keeps mine). */
  resolve(choices: Readonly<Record<string, Side>>): GoalSheetContent;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How alike two goals are: the number of fields they share. */
const likeness = (a: SheetGoal, b: SheetGoal): number => GOAL_FIELDS.filter((f) => same(a[f], b[f])).length;

/** Every way of choosing `k` of the indices 0..n-1, in order. */
function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  const withLast = combinations(n - 1, k - 1).map((c) => [...c, n - 1]);
  return [...combinations(n - 1, k), ...withLast];
}

interface Aligned {
  /** Per base goal: that goal on this side (maybe edited), or null if this side removed it. */
  slots: (SheetGoal | null)[];
  /** Goals this side added after the base ones. */
  added: SheetGoal[];
}

function align(base: readonly SheetGoal[], side: readonly SheetGoal[]): Aligned {
  if (side.length >= base.length) return { slots: side.slice(0, base.length), added: side.slice(base.length) };
  let best: { removed: Set<number>; score: number } | null = null;
  // Ties go to removing later goals (combinations come in order, later removals last).
  for (const removed of combinations(base.length, base.length - side.length)) {
    const gone = new Set(removed);
    const kept = base.map((_, i) => i).filter((i) => !gone.has(i));
    const score = kept.reduce((sum, baseIndex, j) => sum + likeness(base[baseIndex] as SheetGoal, side[j] as SheetGoal), 0);
    if (!best || score >= best.score) best = { removed: gone, score };
  }
  const gone = best?.removed ?? new Set<number>();
  let j = 0;
  return { slots: base.map((_, i) => (gone.has(i) ? null : (side[j++] as SheetGoal))), added: [] };
}

/** The usual three-way rule for one value: returns the merged value, or undefined for a conflict. */
function pick<T>(base: T, mine: T, theirs: T): { value: T } | undefined {
  if (same(mine, base)) return { value: theirs };
  if (same(theirs, base) || same(mine, theirs)) return { value: mine };
  return undefined;
}

export function mergeSheets(base: GoalSheetContent, theirs: GoalSheetContent, mine: GoalSheetContent): MergeResult {
  const conflicts: Conflict[] = [];
  const m = align(base.goals, mine.goals);
  const t = align(base.goals, theirs.goals);

  /** Per base goal, how to build the merged goal once the choices are known. */
  const builders = base.goals.map((b, i): ((choices: Readonly<Record<string, Side>>) => SheetGoal | null) => {
    const mg = m.slots[i] ?? null;
    const tg = t.slots[i] ?? null;
    const whole = pick<SheetGoal | null>(b, mg, tg);
    const about = { goalNumber: i + 1, goalTitle: (mg ?? tg ?? b).title || b.title };
    if (whole) return () => whole.value;
    if (!mg || !tg) {
      const id = `goal-${i}`;
      conflicts.push({ id, kind: 'goal', mine: mg, theirs: tg, ...about });
      return (choices) => ((choices[id] ?? 'mine') === 'mine' ? mg : tg);
    }
    const fields = GOAL_FIELDS.map((field) => {
      const merged = pick(b[field], mg[field], tg[field]);
      if (merged) return () => merged.value;
      const id = `goal-${i}-${field}`;
      conflicts.push({ id, kind: 'goal-field', field, mine: mg[field], theirs: tg[field], ...about });
      return (choices: Readonly<Record<string, Side>>) => ((choices[id] ?? 'mine') === 'mine' ? mg[field] : tg[field]);
    });
    return (choices) => Object.fromEntries(GOAL_FIELDS.map((f, k) => [f, fields[k]?.(choices)])) as SheetGoal;
  });

  const added = same(m.added, t.added) ? m.added : [...t.added, ...m.added.filter((g) => !t.added.some((x) => same(x, g)))];

  const channels = pick(base.communication.channels, mine.communication.channels, theirs.communication.channels);
  if (!channels)
    conflicts.push({ id: 'channels', kind: 'channels', mine: mine.communication.channels, theirs: theirs.communication.channels });
  const cadence = pick(base.communication.cadence, mine.communication.cadence, theirs.communication.cadence);
  if (!cadence) conflicts.push({ id: 'cadence', kind: 'cadence', mine: mine.communication.cadence, theirs: theirs.communication.cadence });

  return {
    conflicts,
    resolve(choices) {
      const chosen = <T>(id: string, mineValue: T, theirsValue: T): T => ((choices[id] ?? 'mine') === 'mine' ? mineValue : theirsValue);
      return {
        goals: [...builders.map((build) => build(choices)).filter((g): g is SheetGoal => g !== null), ...added],
        communication: {
          channels: channels ? channels.value : chosen('channels', mine.communication.channels, theirs.communication.channels),
          cadence: cadence ? cadence.value : chosen('cadence', mine.communication.cadence, theirs.communication.cadence),
        },
      };
    },
  };
}
