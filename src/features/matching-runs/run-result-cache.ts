import type { RunPairSort, RunResult } from '../../shared/api/matching.ts';
import { parseRunResult } from './matching-runs.store.ts';
import { sortPairs } from './run-pairs.rules.ts';

type RunPair = RunResult['pairs'][number];

/**
 * Parsed run results, kept per database for the few runs being looked at. A large run's result
 * is one JSON text of about 10 MB (10,000 mentees, 2,500 mentors): reading it costs a few
 * milliseconds, but parsing and checking it costs a quarter of a second, and a page of pairs is
 * asked for again and again. The stored text is the version: an entry serves only a caller that
 * read exactly the same text (comparing two strings is far cheaper than parsing one), so a
 * reassigned or re-run proposal is never served stale and nothing needs invalidating.
 */
interface Entry {
  text: string;
  result: RunResult | null;
  sorted: Map<RunPairSort, RunPair[]>;
}

/** Enough for a few people reviewing a few runs; each entry of a large run holds tens of MB. */
const MAX_RUNS = 4;

const caches = new WeakMap<object, Map<number, Entry>>();

function entryFor(db: object, runId: number, text: string): Entry {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const found = cache.get(runId);
  if (found && found.text === text) {
    // Most recently used goes last: a Map keeps insertion order.
    cache.delete(runId);
    cache.set(runId, found);
    return found;
  }
  const entry: Entry = { text, result: parseRunResult(text), sorted: new Map() };
  cache.delete(runId);
  cache.set(runId, entry);
  while (cache.size > MAX_RUNS) cache.delete(cache.keys().next().value as number);
  return entry;
}

/** The run's result from its stored text, parsed once per version. Treat it as read-only. */
export function cachedRunResult(db: object, runId: number, text: string | null): RunResult | null {
  return text === null ? null : entryFor(db, runId, text).result;
}

/** The result's pairs in `sort` order, sorted once per version and sort. Treat them as read-only. */
export function cachedSortedPairs(db: object, runId: number, text: string, sort: RunPairSort): RunPair[] {
  const entry = entryFor(db, runId, text);
  let sorted = entry.sorted.get(sort);
  if (!sorted) {
    sorted = sortPairs(entry.result?.pairs ?? [], sort);
    entry.sorted.set(sort, sorted);
  }
  return sorted;
}
