import { describe, expect, it } from 'vitest';
import { splitCurrentMatches } from './current-matches.ts';

const m = (id: number, periodId: number, status: 'active' | 'ended', matchedAt: string) => ({ id, periodId, status, matchedAt });

describe('splitCurrentMatches', () => {
  it('puts the newest active match’s period first and folds other periods and ended matches', () => {
    const last = m(1, 1, 'ended', '2025-09-01T10:00:00.000Z');
    const old = m(2, 1, 'active', '2025-09-02T10:00:00.000Z');
    const now = m(3, 2, 'active', '2026-09-01T10:00:00.000Z');
    const rematchedAway = m(4, 2, 'ended', '2026-08-20T10:00:00.000Z');
    const { current, earlier } = splitCurrentMatches([last, old, now, rematchedAway]);
    expect(current.map((x) => x.id)).toEqual([3]);
    expect(earlier.map((x) => x.id)).toEqual([4, 2, 1]);
  });

  it('keeps a mentor’s two mentees of the same period together', () => {
    const { current, earlier } = splitCurrentMatches([
      m(1, 5, 'active', '2026-09-01T10:00:00.000Z'),
      m(2, 5, 'active', '2026-09-03T10:00:00.000Z'),
    ]);
    expect(current.map((x) => x.id)).toEqual([2, 1]);
    expect(earlier).toEqual([]);
  });

  it('with no active match, shows the latest period’s matches and folds older ones', () => {
    const { current, earlier } = splitCurrentMatches([
      m(1, 1, 'ended', '2024-09-01T10:00:00.000Z'),
      m(2, 2, 'ended', '2025-09-01T10:00:00.000Z'),
    ]);
    expect(current.map((x) => x.id)).toEqual([2]);
    expect(earlier.map((x) => x.id)).toEqual([1]);
  });

  it('is empty for someone with no match', () => {
    expect(splitCurrentMatches([])).toEqual({ current: [], earlier: [] });
  });
});
