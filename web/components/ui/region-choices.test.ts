import { describe, expect, it } from 'vitest';
import { regionData, regionName, splitRegion } from './region-choices.ts';

const data = regionData(
  [
    { alpha2: 'US', name: 'United States of America', state: 'assigned' },
    { alpha2: 'FR', name: 'France', state: 'assigned' },
    { alpha2: 'CA', name: 'Canada', state: 'assigned' },
  ],
  [
    { code: 'US-IL', name: 'Illinois' },
    { code: 'US-AL', name: 'Alabama' },
    { code: 'FR-75C', name: 'Paris' },
    { code: 'US-IL', name: 'Illinois' },
    { code: 'XX-TOOLONG', name: 'Not a code the server accepts' },
  ],
  (code) => (code === 'US' ? 'United States' : undefined),
);

describe('region choices', () => {
  it('split a stored code into its country and subdivision', () => {
    expect(splitRegion('US-IL')).toEqual({ country: 'US', subdivision: 'US-IL' });
    expect(splitRegion(' fr ')).toEqual({ country: 'FR', subdivision: '' });
    expect(splitRegion('')).toEqual({ country: '', subdivision: '' });
  });
  it('list countries by the name people use and subdivisions by country, sorted, without codes the server refuses', () => {
    expect(data.countries.map((c) => c.name)).toEqual(['Canada', 'France', 'United States']);
    expect(data.subdivisions.get('US')).toEqual([
      { code: 'US-AL', name: 'Alabama' },
      { code: 'US-IL', name: 'Illinois' },
    ]);
    expect(data.subdivisions.get('FR')).toEqual([{ code: 'FR-75C', name: 'Paris' }]);
    expect(data.subdivisions.has('XX')).toBe(false);
    expect(data.subdivisions.has('CA')).toBe(false);
  });
  it('name a stored code in words, falling back to the code', () => {
    expect(regionName(data, 'US-IL')).toBe('Illinois, United States');
    expect(regionName(data, 'FR')).toBe('France');
    expect(regionName(data, 'US-ZZ')).toBe('US-ZZ, United States');
    expect(regionName(data, 'QQ')).toBe('QQ');
  });
});
