import { describe, expect, it } from 'vitest';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { builderProblems, changedFields, fromSurvey, isDirty, moved, newQuestion, toSettings, withKind } from './editor-values.ts';

const survey: Survey = {
  id: 1,
  periodId: 2,
  periodName: '2026 spring cohort',
  kind: 'check-in',
  title: 'Mid-point check-in',
  intro: '',
  audience: 'both',
  named: false,
  opensOn: '2026-05-01',
  closesOn: '2026-05-14',
  state: 'draft',
  closedEarlyAt: null,
  questions: [
    {
      id: 'going-well',
      section: 'Your match',
      kind: 'number',
      text: 'How many times have you met?',
      help: '',
      required: true,
      audience: 'both',
      options: [],
      min: 0,
      max: null,
    },
  ],
  questionsFrozen: false,
  invited: 0,
  responded: 0,
  window: { opensOn: '2027-01-01', closesOn: '2027-01-31' },
  wordingChanges: [],
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
};

describe('the survey builder’s values', () => {
  it('round-trips a survey and sends only what changed', () => {
    const values = fromSurvey(survey);
    expect(values.questions[0]?.min).toBe('0');
    expect(isDirty(survey, values)).toBe(false);
    const edited = { ...values, title: 'Halfway there', questions: values.questions.map((q) => ({ ...q, max: '50' })) };
    const changes = changedFields(survey, toSettings(edited));
    expect(Object.keys(changes).sort()).toEqual(['questions', 'title']);
    expect(changes.questions?.[0]).toMatchObject({ min: 0, max: 50 });
  });

  it('gives a new question a fresh id under the last heading', () => {
    const values = fromSurvey(survey);
    const q = newQuestion(values.questions);
    expect(q.id).toBe('question-2');
    expect(q.section).toBe('Your match');
    expect(q.options).toHaveLength(5);
  });

  it('changes a question’s kind, keeping what still fits', () => {
    const likert = newQuestion([]);
    const single = withKind(likert, 'single');
    expect(single.options).toEqual(['', '']);
    expect(withKind({ ...single, options: ['A', 'B', 'C'] }, 'multiple').options).toEqual(['A', 'B', 'C']);
    expect(withKind(single, 'long-text').options).toEqual([]);
  });

  it('moves a question and checks choices and bounds', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    const values = fromSurvey(survey);
    const q = { ...newQuestion(values.questions), kind: 'single' as const, options: ['Yes', 'Yes'] };
    expect(builderProblems({ ...values, questions: [q, { ...values.questions[0]!, min: '5', max: '1' }] })).toEqual({
      'questions.0.options': 'Each choice must be different.',
      'questions.1.max': 'The largest value must not be below the smallest.',
    });
  });
});
