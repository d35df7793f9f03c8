import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/api/matching.ts';
import { cachedRunResult, cachedSortedPairs } from './run-result-cache.ts';

const result = (scores: number[]): RunResult => ({
  pairs: scores.map((score, i) => ({
    menteeApplicationId: i + 1,
    menteeName: `Mentee ${i + 1}`,
    mentorApplicationId: 100,
    mentorName: 'Mentor',
    score,
    explanation: 'fits',
    reasons: [],
    locked: false,
    editedByHand: false,
  })),
  unmatched: [],
  mentors: [{ mentorApplicationId: 100, name: 'Mentor', capacity: 9, assigned: scores.length }],
  summary: { matched: scores.length, unmatched: 0, total: 0, meanScore: null, worstScore: null },
});

describe('parsed run results, kept per version', () => {
  it('parses a stored text once, and again only when the text changed', () => {
    const db = {};
    const text = JSON.stringify(result([30, 10, 20]));
    const first = cachedRunResult(db, 1, text);
    expect(first?.pairs.map((p) => p.score)).toEqual([30, 10, 20]);
    // The same text read again (a new string, equal): the parsed result is reused.
    expect(cachedRunResult(db, 1, `${text} `.trimEnd())).toBe(first);
    expect(cachedSortedPairs(db, 1, text, 'score-asc').map((p) => p.score)).toEqual([10, 20, 30]);
    expect(cachedSortedPairs(db, 1, text, 'score-asc')).toBe(cachedSortedPairs(db, 1, text, 'score-asc'));
    // A changed proposal is a new version: never the old pairs.
    const changed = JSON.stringify(result([30, 5]));
    expect(cachedRunResult(db, 1, changed)?.pairs.map((p) => p.score)).toEqual([30, 5]);
    expect(cachedSortedPairs(db, 1, changed, 'score-asc').map((p) => p.score)).toEqual([5, 30]);
    // Another database with the same run id has its own entries.
    expect(cachedRunResult({}, 1, text)).not.toBe(first);
    expect(cachedRunResult(db, 1, null)).toBeNull();
  });

  it('keeps only the few most recently used runs', () => {
    const db = {};
    const texts = [1, 2, 3, 4, 5].map((n) => JSON.stringify(result([n])));
    const parsed = texts.slice(0, 4).map((t, i) => cachedRunResult(db, i + 1, t));
    // Run 1 is used again, so run 2 is the least recently used and goes when a fifth arrives.
    expect(cachedRunResult(db, 1, texts[0]!)).toBe(parsed[0]);
    cachedRunResult(db, 5, texts[4]!);
    expect(cachedRunResult(db, 1, texts[0]!)).toBe(parsed[0]);
    expect(cachedRunResult(db, 3, texts[2]!)).toBe(parsed[2]);
    expect(cachedRunResult(db, 2, texts[1]!)).not.toBe(parsed[1]);
  });
});
