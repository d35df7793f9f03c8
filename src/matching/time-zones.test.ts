import { describe, expect, it } from 'vitest';
import { hoursApart, isValidTimeZone, utcOffsetMinutes } from './time-zones.ts';

describe('time zones', () => {
  it('computes offsets at the given instant, with daylight saving time', () => {
    expect(utcOffsetMinutes('America/Chicago', Date.UTC(2026, 0, 15))).toBe(-360);
    expect(utcOffsetMinutes('America/Chicago', Date.UTC(2026, 6, 15))).toBe(-300);
    expect(utcOffsetMinutes('Asia/Kolkata', 0)).toBe(330);
    expect(utcOffsetMinutes('UTC', 0)).toBe(0);
    expect(utcOffsetMinutes('Mars/Olympus', 0)).toBeUndefined();
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
  });

  it('measures clock distance around the day', () => {
    expect(hoursApart(-660, 780)).toBe(0);
    expect(hoursApart(-360, -300)).toBe(1);
    expect(hoursApart(-600, 600)).toBe(4);
  });
});
