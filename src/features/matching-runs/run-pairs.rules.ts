import type { CursorKey } from '../../shared/api/list-query.ts';
import type { RunPairSort, RunPairsPage, RunResult } from '../../shared/api/matching.ts';

type RunPair = RunResult['pairs'][number];

export interface RunPairsFilter {
  q?: string | undefined;
  warnings?: boolean | undefined;
  locked?: boolean | undefined;
  mentor?: number | undefined;
}

/** The mentors over their places in this result (possible after a move made despite a warning). */
export function overCapacityMentors(result: Pick<RunResult, 'mentors'>): ReadonlySet<number> {
  return new Set(result.mentors.filter((m) => m.assigned > m.capacity).map((m) => m.mentorApplicationId));
}

/** A pair worth a second look: a reason speaks against it, or its mentor has more mentees than places. */
export function pairHasWarnings(pair: RunPair, overCapacity: ReadonlySet<number>): boolean {
  return overCapacity.has(pair.mentorApplicationId) || pair.reasons.some((r) => r.polarity === 'against');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Each sort's key for a pair: the string a cursor carries. The mentee's application id breaks
 * ties, so the order is total and a cursor points between two rows exactly.
 */
export function sortValue(pair: RunPair, sort: RunPairSort): string {
  switch (sort) {
    case 'score-asc':
    case 'score-desc':
      return String(pair.score);
    case 'mentor':
      return pair.mentorName;
    case 'mentee':
      return pair.menteeName;
  }
}

/** Compares sort keys (value, mentee application id) in the sort's direction. */
function compareKeys(sort: RunPairSort, a: CursorKey, b: CursorKey): number {
  const byValue =
    sort === 'score-asc' ? Number(a[0]) - Number(b[0]) : sort === 'score-desc' ? Number(b[0]) - Number(a[0]) : collator.compare(a[0], b[0]);
  return byValue !== 0 ? byValue : a[1] - b[1];
}

const keyOf = (pair: RunPair, sort: RunPairSort): CursorKey => [sortValue(pair, sort), pair.menteeApplicationId];

export function sortPairs(pairs: readonly RunPair[], sort: RunPairSort): RunPair[] {
  return pairs
    .map((p) => ({ p, key: keyOf(p, sort) }))
    .sort((x, y) => compareKeys(sort, x.key, y.key))
    .map((x) => x.p);
}

/** A cursor's key fits the sort: a score sort's value is a number. */
export function cursorFits(sort: RunPairSort, key: CursorKey): boolean {
  return sort === 'score-asc' || sort === 'score-desc' ? key[0].trim() !== '' && Number.isFinite(Number(key[0])) : true;
}

export function matchesFilter(pair: RunPair, f: RunPairsFilter, overCapacity: ReadonlySet<number>): boolean {
  if (f.locked && !pair.locked) return false;
  if (f.mentor !== undefined && pair.mentorApplicationId !== f.mentor) return false;
  if (f.warnings && !pairHasWarnings(pair, overCapacity)) return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    if (!pair.menteeName.toLowerCase().includes(q) && !pair.mentorName.toLowerCase().includes(q)) return false;
  }
  return true;
}

/** The first index in `sorted` whose key comes after `after`: a binary search, as the list is in key order. */
function startAfter(sorted: readonly RunPair[], sort: RunPairSort, after: CursorKey): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(sort, keyOf(sorted[mid] as RunPair, sort), after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of a run's pairs, from the pairs already in `sort` order. The cursor is the last
 * shown pair's key, so a page starts right after it even if that pair has since moved or gone.
 */
export function pagePairs(
  result: Pick<RunResult, 'mentors' | 'unmatched'>,
  sorted: readonly RunPair[],
  q: RunPairsFilter & { sort: RunPairSort; after?: CursorKey | undefined; limit: number },
  encode: (key: CursorKey) => string,
): RunPairsPage {
  const overCapacity = overCapacityMentors(result);
  const counts = { all: sorted.length, warnings: 0, locked: 0, editedByHand: 0, unmatched: result.unmatched.length };
  for (const p of sorted) {
    if (pairHasWarnings(p, overCapacity)) counts.warnings += 1;
    if (p.locked) counts.locked += 1;
    if (p.editedByHand) counts.editedByHand += 1;
  }
  const from = q.after ? startAfter(sorted, q.sort, q.after) : 0;
  const filtered = sorted.filter((p) => matchesFilter(p, q, overCapacity));
  const total = filtered.length;
  // The same filter on the rows from the cursor on: the page, and whether anything follows it.
  const page: RunPair[] = [];
  let more = false;
  for (let i = from; i < sorted.length; i++) {
    const p = sorted[i] as RunPair;
    if (!matchesFilter(p, q, overCapacity)) continue;
    if (page.length === q.limit) {
      more = true;
      break;
    }
    page.push(p);
  }
  const last = page.at(-1);
  return { pairs: page, nextCursor: more && last ? encode(keyOf(last, q.sort)) : null, total, counts };
}
