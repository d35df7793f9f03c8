import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfDay, instantAt, startOfDay } from './zoned.ts';

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

  it('rejects text that is not a date or a time', () => {
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError);
    expect(() => instantAt('2026-03-01', '9am', 'UTC')).toThrow(RangeError);
  });
});
