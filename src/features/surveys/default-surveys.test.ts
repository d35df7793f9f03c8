import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../shared/api/surveys.ts';
import { midPointCheckIn, wrapUpSurvey } from './default-surveys.ts';
import { questionProblems } from './survey.rules.ts';

describe.each([
  ['wrap-up survey', wrapUpSurvey('2026–27')],
  ['mid-point check-in', midPointCheckIn('2026–27')],
])('the default %s', (_name, template) => {
  it('has a title naming the period and an intro', () => {
    expect(template.title).toContain('2026–27');
    expect(template.intro.trim()).not.toBe('');
  });

  it('has questions that each fit the question schema', () => {
    for (const q of template.questions) expect(questionSchema.parse(q)).toEqual(q);
  });

  it('has unique ids and no shape problems', () => {
    const ids = template.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(questionProblems(template.questions)).toEqual([]);
  });
});
