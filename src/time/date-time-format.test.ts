import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from './date-time-format.ts';

describe('dateTimeFormat', () => {
  it('makes a formatter once per locale and options, and formats as Intl does', () => {
    const options = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'America/Chicago' } as const;
    const first = dateTimeFormat('en-US', options);
    expect(dateTimeFormat('en-US', { ...options })).toBe(first);
    // 03:00 UTC on 5 January is still the 4th in Chicago.
    expect(first.format(new Date('2027-01-05T03:00:00Z'))).toBe('January 4, 2027');
    expect(dateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(new Date('2027-01-05T03:00:00Z'))).toBe('January 5, 2027');
    expect(dateTimeFormat('en-GB', options)).not.toBe(first);
    expect(dateTimeFormat('en-GB', options).format(new Date('2027-01-05T03:00:00Z'))).toBe('4 January 2027');
  });

  it('refuses an unknown time zone as Intl does', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
