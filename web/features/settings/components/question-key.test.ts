import { describe, expect, it } from 'vitest';
import { eligibilityQuestionSchema } from '../../../../src/shared/api/settings.ts';
import { questionKeyFrom } from './question-key.ts';

describe('questionKeyFrom', () => {
  it('makes a lower-case code from the wording', () => {
    expect(questionKeyFrom('Are you 18 or older?')).toBe('are_you_18_or_older');
  });
  it('starts with a letter and stays within 40 characters', () => {
    const key = questionKeyFrom('18+? ' + 'very long question '.repeat(5));
    expect(key).toMatch(/^[a-z]/);
    expect(key.length).toBeLessThanOrEqual(40);
    expect(eligibilityQuestionSchema.shape.key.safeParse(key).success).toBe(true);
  });
  it('drops accents and returns empty for no letters', () => {
    expect(questionKeyFrom('Êtes-vous membre ?')).toBe('etes_vous_membre');
    expect(questionKeyFrom('???')).toBe('');
  });
});
