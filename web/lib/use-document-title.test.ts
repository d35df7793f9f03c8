import { describe, expect, it } from 'vitest';
import { documentTitle } from './use-document-title.ts';

describe('tab titles', () => {
  it('name the program, not the software', () => {
    expect(documentTitle('People', 'Youth Services Mentoring')).toBe('People · Youth Services Mentoring');
    expect(documentTitle('', 'Youth Services Mentoring')).toBe('Youth Services Mentoring');
  });
  it('say Tandem only before the program has a name', () => {
    expect(documentTitle('Set up', null)).toBe('Set up · Tandem');
  });
});
