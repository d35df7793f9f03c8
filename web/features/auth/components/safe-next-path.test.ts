import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site', () => {
    expect(safeNextPath('/people?x=1')).toBe('/people?x=1');
  });
  it('falls back to home for missing, external or protocol-relative targets', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
  });
  it('never sends someone back to the sign-in page', () => {
    expect(safeNextPath('/sign-in')).toBe('/');
  });
});
