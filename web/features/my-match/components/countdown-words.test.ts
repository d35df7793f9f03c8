import { describe, expect, it } from 'vitest';
import { cadenceWords, countdownWords, daysFromTo, goalSheetCountsDown, zoneCity } from './countdown-words.ts';

describe('countdowns in words', () => {
  it('says how far a date is, both ways', () => {
    expect(countdownWords(12)).toBe('in 12 days');
    expect(countdownWords(1)).toBe('tomorrow');
    expect(countdownWords(0)).toBe('today');
    expect(countdownWords(-1)).toBe('yesterday');
    expect(countdownWords(-3)).toBe('3 days ago');
  });

  it('counts calendar days across months and leap days', () => {
    expect(daysFromTo('2026-03-01', '2026-03-04')).toBe(3);
    expect(daysFromTo('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysFromTo('2026-12-31', '2026-12-01')).toBe(-30);
  });

  it('words the cadence and the time zone', () => {
    expect(cadenceWords(2)).toBe('at least twice a month');
    expect(cadenceWords(4)).toBe('at least 4 times a month');
    expect(cadenceWords(0)).toBeNull();
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});

describe('the goal sheet countdown', () => {
  it('counts down until the program office has the sheet, and not after', () => {
    expect(['not_started', 'draft', 'returned'].map((s) => goalSheetCountsDown(s as 'draft'))).toEqual([true, true, true]);
    expect(goalSheetCountsDown('submitted')).toBe(false);
    expect(goalSheetCountsDown('acknowledged')).toBe(false);
  });
});
