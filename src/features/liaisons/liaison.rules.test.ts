import { describe, expect, it } from 'vitest';
import { digestDedupeKey, digestDue, digestSelection, digestWeek, needsAttention, spreadEvenly } from './liaison.rules.ts';

describe('liaisons: spreading matches evenly', () => {
  const matches = (...ids: number[]) => ids.map((matchId) => ({ matchId }));

  it('deals matches out round-robin by match id, the lower user id first among equals', () => {
    const plan = spreadEvenly(matches(14, 11, 12, 13, 15), [30, 20, 10]);
    expect([...plan]).toEqual([
      [11, 10],
      [12, 20],
      [13, 30],
      [14, 10],
      [15, 20],
    ]);
  });

  it('gives the next match to whoever has the fewest, counting what they already look after', () => {
    // 10 already has 3, 20 has 1, 30 none: 30 and 20 catch up before 10 gets another.
    const plan = spreadEvenly(
      matches(1, 2, 3, 4, 5, 6),
      [10, 20, 30],
      new Map([
        [10, 3],
        [20, 1],
      ]),
    );
    expect([...plan.values()]).toEqual([30, 20, 30, 20, 30, 10]);
    const load = new Map<number, number>([
      [10, 3],
      [20, 1],
      [30, 0],
    ]);
    for (const to of plan.values()) if (to !== null) load.set(to, (load.get(to) ?? 0) + 1);
    expect([...load.values()]).toEqual([4, 3, 3]);
  });

  it('gives the same answer whatever order the members were chosen in, and ignores repeats', () => {
    const a = spreadEvenly(matches(1, 2, 3, 4, 5, 6, 7), [7, 3, 5]);
    const b = spreadEvenly(matches(7, 6, 5, 4, 3, 2, 1), [5, 5, 3, 7]);
    expect([...b].sort((x, y) => x[0] - y[0])).toEqual([...a]);
    const counts = [...a.values()].reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<number | null, number>());
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('never makes someone the liaison of their own pair, and leaves a pair without one when nobody else was chosen', () => {
    const plan = spreadEvenly(
      [{ matchId: 1, excluded: [10] }, { matchId: 2, excluded: [10] }, { matchId: 3, excluded: [10, 20] }, { matchId: 4 }],
      [10, 20],
    );
    expect([...plan]).toEqual([
      [1, 20],
      [2, 20],
      [3, null],
      [4, 10],
    ]);
  });

  it('assigns nothing when there is nothing to assign', () => {
    expect(spreadEvenly([], [1, 2]).size).toBe(0);
    expect([...spreadEvenly(matches(1), [])]).toEqual([[1, null]]);
  });
});

describe('liaisons: what the weekly e-mail lists', () => {
  const reason = (code: 'quiet' | 'rematch_requested' | 'check_in_talk') => ({ code, label: code, text: code });

  it('lists pairs with any risk, an open re-match request or an unhandled "let’s talk", and nothing else', () => {
    const calm = { id: 1, riskScore: 0, reasons: [] };
    const quiet = { id: 2, riskScore: 30, reasons: [reason('quiet')] };
    const rematch = { id: 3, riskScore: 350, reasons: [reason('rematch_requested')] };
    // The rule does not hang on the scoring: the two flags count even with no points.
    const talk = { id: 4, riskScore: 0, reasons: [reason('check_in_talk')] };
    expect(needsAttention(calm)).toBe(false);
    expect(digestSelection([rematch, calm, quiet, talk]).map((m) => m.id)).toEqual([3, 2, 4]);
    expect(digestSelection([calm, { ...calm, id: 5 }])).toEqual([]);
  });
});

describe('liaisons: the week', () => {
  it('sends on Monday at 08:00 in the program’s time zone, whatever the clocks did that weekend', () => {
    // Chicago falls back on Sunday 1 Nov 2026: Monday 2 Nov 08:00 is 14:00 UTC (it was 13:00 the week before).
    expect(digestWeek('2026-11-04', 'America/Chicago')).toEqual({ week: '2026-W45', sendAt: new Date('2026-11-02T14:00:00.000Z') });
    expect(digestWeek('2026-10-31', 'America/Chicago')).toEqual({ week: '2026-W44', sendAt: new Date('2026-10-26T13:00:00.000Z') });
    expect(digestWeek('2026-11-08', 'Pacific/Auckland').sendAt).toEqual(new Date('2026-11-01T19:00:00.000Z'));
  });

  it('goes out from Monday 08:00 for a day, and not at all after that', () => {
    const { sendAt } = digestWeek('2026-11-12', 'America/Chicago');
    expect(digestDue(sendAt, new Date('2026-11-09T13:59:59.999Z'))).toBe(false);
    expect(digestDue(sendAt, new Date('2026-11-09T14:00:00.000Z'))).toBe(true);
    expect(digestDue(sendAt, new Date('2026-11-10T13:59:59.999Z'))).toBe(true);
    expect(digestDue(sendAt, new Date('2026-11-10T14:00:00.000Z'))).toBe(false);
  });

  it('keys the e-mail by liaison and week: once per liaison per week', () => {
    expect(digestDedupeKey(12, '2026-W46')).toBe('liaison-digest:u12:2026-W46');
    expect(digestDedupeKey(12, '2026-W46')).not.toBe(digestDedupeKey(12, '2026-W47'));
    expect(digestDedupeKey(12, '2026-W46')).not.toBe(digestDedupeKey(13, '2026-W46'));
  });
});
