import { describe, expect, it } from 'vitest';
import { calendarDateIn, isValidCalendarDate, isValidTimeZone } from './calendar-date.ts';

describe('calendar dates', () => {
  it('gives the date as people in the time zone see it', () => {
    const instant = new Date('2026-03-08T07:30:00Z'); // the night US clocks spring forward
    expect(calendarDateIn('America/Los_Angeles', instant)).toBe('2026-03-07');
    expect(calendarDateIn('America/New_York', instant)).toBe('2026-03-08');
    expect(calendarDateIn('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
  });

  it('knows real time zones and real dates', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidCalendarDate('2026-02-28')).toBe(true);
    expect(isValidCalendarDate('2026-02-29')).toBe(false);
    expect(isValidCalendarDate('2026-2-1')).toBe(false);
  });
});
