import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, endOfDay, instantAt, isoWeekOf, mondayOf, startOfDay } from './zoned.ts';

describe('zoned wall-clock times', () => {
  it('turns a local time into the right instant on both sides of a daylight-saving change', () => {
    expect(instantAt('2026-03-07', '09:00', 'America/Chicago').toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(instantAt('2026-03-09', '09:00', 'America/Chicago').toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(instantAt('2026-10-24', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(instantAt('2026-10-26', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(instantAt('2026-04-05', '09:00', 'Australia/Sydney').toISOString()).toBe('2026-04-04T23:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap forward, and takes the first of a repeated hour', () => {
    expect(instantAt('2026-03-08', '02:30', 'America/Chicago').toISOString()).toBe('2026-03-08T08:30:00.000Z');
    expect(instantAt('2026-11-01', '01:30', 'America/Chicago').toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('gives days of 23 and 25 hours across the changes', () => {
    const hours = (date: string, tz: string) => (endOfDay(date, tz).getTime() - startOfDay(date, tz).getTime()) / 3_600_000;
    expect(hours('2026-03-08', 'America/New_York')).toBe(23);
    expect(hours('2026-11-01', 'America/New_York')).toBe(25);
    expect(hours('2026-06-01', 'Asia/Kolkata')).toBe(24);
  });

  it('answers a repeated question the same, with a Date the caller may change', () => {
    const first = instantAt('2026-11-01', '09:00', 'America/Chicago');
    first.setUTCFullYear(1999);
    const again = instantAt('2026-11-01', '09:00', 'America/Chicago');
    expect(again.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(instantAt('2026-11-01', '09:00', 'Europe/Paris').toISOString()).toBe('2026-11-01T08:00:00.000Z');
  });

  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('names ISO weeks, Monday to Sunday, with week 1 holding the year’s first Thursday', () => {
    expect(isoWeekOf('2026-11-09')).toBe('2026-W46'); // a Monday
    expect(isoWeekOf('2026-11-15')).toBe('2026-W46'); // the Sunday after
    expect(isoWeekOf('2026-11-16')).toBe('2026-W47');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday in December already in next year's week 1
  });

  it('starts weeks on Monday', () => {
    expect(mondayOf('2026-11-01')).toBe('2026-10-26'); // a Sunday
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(mondayOf('1969-12-31')).toBe('1969-12-29'); // before day 0, a Thursday
  });

  it('agrees with Date arithmetic on any day, asked once or again (the answers are remembered)', () => {
    const DAY = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const day = fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 0, 1) / DAY });
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), day, (n, k, m) => {
        const date = iso(n * DAY);
        for (let again = 0; again < 2; again += 1) {
          expect(addDays(date, k)).toBe(iso((n + k) * DAY));
          expect(daysBetween(date, iso(m * DAY))).toBe(m - n);
          const monday = mondayOf(date);
          expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(daysBetween(monday, date)).toBeGreaterThanOrEqual(0);
          expect(daysBetween(monday, date)).toBeLessThan(7);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects text that is not a date or a time', () => {
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError);
    expect(() => instantAt('2026-03-01', '9am', 'UTC')).toThrow(RangeError);
  });
});
