import { describe, expect, it } from 'vitest';
import { settingsProblems } from './settings.rules.ts';

const ok = { timeZone: 'Europe/London', goalsPerSheetMin: 1, goalsPerSheetMax: 3, eligibilityQuestions: [] };

describe('settings rules', () => {
  it('accept consistent settings', () => {
    expect(settingsProblems(ok)).toEqual([]);
  });
  it('name each inconsistent field', () => {
    const q = { key: 'k', text: 'Q?', appliesTo: 'both' as const, requiredAnswer: null, help: '' };
    const problems = settingsProblems({ timeZone: 'Nowhere/Else', goalsPerSheetMin: 4, goalsPerSheetMax: 3, eligibilityQuestions: [q, q] });
    expect(problems.map((p) => p.path)).toEqual(['timeZone', 'goalsPerSheetMin', 'eligibilityQuestions.1.key']);
  });
});
