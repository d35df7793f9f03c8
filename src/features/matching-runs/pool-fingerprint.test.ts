import { describe, expect, it } from 'vitest';
import { poolFingerprint } from './pool-fingerprint.ts';
import type { FingerprintRule } from './pool-fingerprint.ts';
import { testApplication } from './test-application.ts';

const pool = [testApplication(1, 'mentor'), testApplication(2, 'mentee'), testApplication(3, 'mentee')];
const rules: FingerprintRule[] = [
  { kind: 'lock', menteeApplicationId: 2, mentorApplicationId: 1 },
  { kind: 'forbid', menteeApplicationId: 3, mentorApplicationId: 1 },
];

describe('pool fingerprint', () => {
  it('is a SHA-256 hex digest that ignores the order things are listed in', () => {
    const f = poolFingerprint(pool, rules);
    expect(f).toMatch(/^[0-9a-f]{64}$/);
    expect(poolFingerprint([...pool].reverse(), [...rules].reverse())).toBe(f);
  });

  it('changes when anyone joins, leaves, changes role or status, edits answers, a rule changes, or active matches change', () => {
    const f = poolFingerprint(pool, rules);
    const variants = [
      poolFingerprint([...pool, testApplication(4, 'mentee')], rules),
      poolFingerprint(pool.slice(1), rules),
      poolFingerprint([{ ...pool[0]!, updatedAt: '2026-08-02T10:00:00.000Z' }, ...pool.slice(1)], rules),
      poolFingerprint([{ ...pool[0]!, status: 'withdrawn' }, ...pool.slice(1)], rules),
      poolFingerprint([{ ...pool[0]!, role: 'mentee' }, ...pool.slice(1)], rules),
      // Same millisecond, different answers: still a change.
      poolFingerprint([{ ...pool[0]!, answers: { ...pool[0]!.answers, capacity: 3 } }, ...pool.slice(1)], rules),
      poolFingerprint(pool, rules.slice(1)),
      poolFingerprint(pool, [{ ...rules[0]!, kind: 'forbid' }, rules[1]!]),
      // Someone in the pool is matched elsewhere, or has one more match there.
      poolFingerprint(pool, rules, [{ userId: 1002, side: 'mentee', periodName: 'Fall', matches: 1 }]),
      poolFingerprint(pool, rules, [{ userId: 1001, side: 'mentor', periodName: 'Fall', matches: 1 }]),
      poolFingerprint(pool, rules, [{ userId: 1001, side: 'mentor', periodName: 'Fall', matches: 2 }]),
    ];
    for (const v of variants) expect(v).not.toBe(f);
    expect(new Set(variants).size).toBe(variants.length);
  });
});
