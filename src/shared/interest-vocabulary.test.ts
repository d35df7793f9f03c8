import { describe, expect, it } from 'vitest';
import { normaliseVocabulary, termKey, tidyTerm, vocabularyFromText, vocabularyProblem } from './interest-vocabulary.ts';

describe('interest vocabulary', () => {
  it('tidies spaces inside and around a term', () => {
    expect(tidyTerm('  grant \t  writing ')).toBe('grant writing');
    expect(termKey(' Grant  Writing')).toBe('grant writing');
  });
  it('drops empty terms and duplicates ignoring case, keeping the first spelling and the order', () => {
    expect(normaliseVocabulary(['STEM', ' ', 'storytime', 'stem', 'Story time', ' storytime '])).toEqual([
      'STEM',
      'storytime',
      'Story time',
    ]);
  });
  it('reads one term per line, and commas or semicolons too', () => {
    expect(vocabularyFromText('storytime\n\nteen services, outreach;\r\nStorytime\n')).toEqual(['storytime', 'teen services', 'outreach']);
  });
  it('names a list that is too long or a term that is too long, as the server would refuse them', () => {
    expect(vocabularyProblem(['storytime', 'x'.repeat(60)])).toBeNull();
    expect(vocabularyProblem(Array.from({ length: 200 }, (_, i) => `t${i}`))).toBeNull();
    expect(vocabularyProblem(Array.from({ length: 201 }, (_, i) => `t${i}`))).toMatch(/201 suggestions; keep it to 200/);
    expect(vocabularyProblem(['ok', 'y'.repeat(61)])).toMatch(/longer than 60 characters/);
  });
});
