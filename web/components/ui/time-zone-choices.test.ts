import { describe, expect, it } from 'vitest';
import { choiceLabel, filterChoices, formatUtcOffset, timeZoneChoices, utcOffsetMinutes } from './time-zone-choices.ts';
import type { ZoneEntry } from './time-zone-choices.ts';

const WINTER = new Date('2026-01-15T12:00:00Z');
const SUMMER = new Date('2026-07-15T12:00:00Z');

const CHICAGO: ZoneEntry = {
  name: 'America/Chicago',
  group: ['America/Chicago', 'America/Menominee', 'US/Central'],
  mainCities: ['Chicago', 'Houston'],
  countryName: 'United States',
  alternativeName: 'Central Time',
  abbreviation: 'CST',
};
const KOLKATA: ZoneEntry = {
  name: 'Asia/Kolkata',
  group: ['Asia/Kolkata', 'Asia/Calcutta'],
  mainCities: ['Mumbai', 'Delhi'],
  countryName: 'India',
  alternativeName: 'India Time',
};
const SAO_PAULO: ZoneEntry = {
  name: 'America/Sao_Paulo',
  group: ['America/Sao_Paulo'],
  mainCities: ['São Paulo'],
  countryName: 'Brazil',
  alternativeName: 'Brasilia Time',
};

describe('time zone offsets', () => {
  it('formats minutes from UTC with a true minus sign and two-digit hours and minutes', () => {
    expect(formatUtcOffset(-360)).toBe('UTC−06:00');
    expect(formatUtcOffset(330)).toBe('UTC+05:30');
    expect(formatUtcOffset(0)).toBe('UTC+00:00');
    expect(formatUtcOffset(-570)).toBe('UTC−09:30');
    expect(formatUtcOffset(840)).toBe('UTC+14:00');
  });
  it('reads the offset at a given moment, following daylight saving time', () => {
    expect(utcOffsetMinutes('America/Chicago', WINTER)).toBe(-360);
    expect(utcOffsetMinutes('America/Chicago', SUMMER)).toBe(-300);
    expect(utcOffsetMinutes('Asia/Kolkata', SUMMER)).toBe(330);
    expect(utcOffsetMinutes('UTC', SUMMER)).toBe(0);
    expect(utcOffsetMinutes('Mars/Olympus_Mons', SUMMER)).toBeNull();
  });
});

describe('time zone choices', () => {
  it('label each choice with its city, country, offset today and zone name', () => {
    expect(choiceLabel(CHICAGO, 'America/Chicago', WINTER)).toBe('Chicago, United States — UTC−06:00 (America/Chicago)');
    expect(choiceLabel(CHICAGO, 'America/Chicago', SUMMER)).toBe('Chicago, United States — UTC−05:00 (America/Chicago)');
    expect(choiceLabel(undefined, 'Nowhere/Special', SUMMER)).toBe('Nowhere/Special — offset unknown (Nowhere/Special)');
  });
  it('keep a stored alias under its own name, labelled from its group', () => {
    const choices = timeZoneChoices([CHICAGO, KOLKATA], WINTER, 'US/Central');
    expect(choices.map((c) => c.value)).toEqual(['US/Central', 'America/Chicago', 'Asia/Kolkata']);
    expect(choices[0]?.label).toBe('Chicago, United States — UTC−06:00 (US/Central)');
    expect(timeZoneChoices([CHICAGO, KOLKATA], WINTER, 'Asia/Kolkata').map((c) => c.value)).toEqual(['America/Chicago', 'Asia/Kolkata']);
  });
  it('find a zone by city, country, zone name, old alias or abbreviation, ignoring case and accents', () => {
    const choices = timeZoneChoices([CHICAGO, KOLKATA, SAO_PAULO], WINTER, '');
    const find = (q: string) => filterChoices(choices, q).map((c) => c.value);
    expect(find('houston')).toEqual(['America/Chicago']);
    expect(find('India')).toEqual(['Asia/Kolkata']);
    expect(find('calcutta')).toEqual(['Asia/Kolkata']);
    expect(find('sao paulo')).toEqual(['America/Sao_Paulo']);
    expect(find('São')).toEqual(['America/Sao_Paulo']);
    expect(find('CST')).toEqual(['America/Chicago']);
    expect(find('america')).toEqual(['America/Chicago', 'America/Sao_Paulo']);
    expect(find('united chicago')).toEqual(['America/Chicago']);
    expect(find('   ')).toHaveLength(3);
    expect(find('atlantis')).toEqual([]);
  });
});
