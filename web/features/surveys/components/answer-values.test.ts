import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../src/shared/api/surveys.ts';
import { answerProblems, answeredCount, problemsFromDetails, sectionsOf, toAnswers, toLocal } from './answer-values.ts';

const q = (id: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  section: '',
  kind,
  text: `Question ${id}`,
  help: '',
  required: false,
  audience: 'both',
  options: kind === 'likert' ? ['1', '2', '3', '4', '5'] : kind === 'single' || kind === 'multiple' ? ['A', 'B'] : [],
  min: null,
  max: null,
  ...extra,
});

describe('survey answers in the form', () => {
  it('groups consecutive questions with the same heading', () => {
    const sections = sectionsOf([q('a', 'likert', { section: 'You' }), q('b', 'number', { section: 'You' }), q('c', 'single')]);
    expect(sections.map((s) => [s.title, s.questions.map((x) => x.id)])).toEqual([
      ['You', ['a', 'b']],
      ['', ['c']],
    ]);
  });

  it('sends only what is answered, numbers as numbers', () => {
    const questions = [q('a', 'likert'), q('n', 'number'), q('m', 'multiple'), q('t', 'long-text'), q('s', 'single')];
    const local = toLocal(questions, { a: 4, n: 12 });
    expect(local).toEqual({ a: 4, n: '12' });
    expect(toAnswers(questions, { ...local, m: [], t: '  ', s: 'B' })).toEqual({ a: 4, n: 12, s: 'B' });
    expect(answeredCount(questions, { ...local, m: ['A'] })).toBe(3);
  });

  it('names what to fix before sending', () => {
    const questions = [q('r', 'single', { required: true }), q('n', 'number', { min: 0, max: 10 }), q('x', 'number')];
    expect(answerProblems(questions, { n: '11', x: 'twelve' })).toEqual({
      r: 'Please answer this question.',
      n: 'Enter 10 or less.',
      x: 'Enter a number, such as 3.',
    });
    expect(answerProblems(questions, { r: 'A', n: '3' })).toEqual({});
  });

  it('reads the server’s problems by question', () => {
    expect(
      problemsFromDetails([
        { path: 'answers.q-1', message: 'Please answer.' },
        { path: 'other', message: 'x' },
      ]),
    ).toEqual({
      'q-1': 'Please answer.',
    });
  });
});
