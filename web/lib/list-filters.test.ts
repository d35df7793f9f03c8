import { describe, expect, it } from 'vitest';
import { filtersToParams, isNarrowed, oneOf } from './list-filters.ts';

const SORTS = ['newest', 'oldest'] as const;

describe('a choice read from the address', () => {
  it('is kept when the list knows it', () => {
    expect(oneOf(SORTS, 'oldest')).toBe('oldest');
  });

  it('is dropped when it is unknown, empty or missing', () => {
    expect(oneOf(SORTS, 'Oldest')).toBeUndefined();
    expect(oneOf(SORTS, '')).toBeUndefined();
    expect(oneOf(SORTS, null)).toBeUndefined();
    expect(oneOf(SORTS, undefined)).toBeUndefined();
  });
});

describe("a list's filters in the address", () => {
  it('leaves out what is unset or empty and writes the rest as text, in order', () => {
    expect(filtersToParams({ q: 'ada', status: undefined, mentorId: 12, sort: '' })).toEqual({ q: 'ada', mentorId: '12' });
    expect(Object.keys(filtersToParams({ b: 'x', a: 'y' }))).toEqual(['b', 'a']);
  });

  it('keeps "false", a choice of its own', () => {
    expect(filtersToParams({ started: false, attended: true })).toEqual({ started: 'false', attended: 'true' });
  });

  it('says the list is narrowed while any filter goes in the address', () => {
    expect(isNarrowed({})).toBe(false);
    expect(isNarrowed({ q: '', role: undefined })).toBe(false);
    expect(isNarrowed({ started: false })).toBe(true);
    expect(isNarrowed({ q: 'ada' })).toBe(true);
  });
});
