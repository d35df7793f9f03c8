import { describe, expect, it } from 'vitest';
import type { QuestionResult } from '../../shared/api/surveys.ts';
import { numberDistribution, questionChart } from './survey-charts.service.ts';

const result = (over: Partial<QuestionResult>): QuestionResult => ({
  questionId: 'q',
  section: '',
  kind: 'single',
  text: 'Would you take part again?',
  audience: 'both',
  overall: {
    suppressed: false,
    answered: 6,
    counts: [
      { label: 'Yes', count: 4 },
      { label: 'No', count: 2 },
    ],
    mean: null,
    median: null,
    texts: null,
    textsTotal: null,
  },
  breakdowns: [],
  ...over,
});

describe('survey question charts', () => {
  it('draws choice counts with shares of everyone who answered, in words', () => {
    expect(questionChart(result({}))).toEqual({
      suppressed: false,
      title: 'Would you take part again?',
      unit: 'people who answered',
      bars: [
        { label: 'Yes', value: 4 },
        { label: 'No', value: 2 },
      ],
      total: 6,
      summary: 'Of 6 people who answered: Yes: 4 (67%); No: 2 (33%).',
    });
  });

  it('says why a hidden question is hidden, and refuses free text', () => {
    expect(questionChart(result({ overall: { suppressed: true, reason: 'Too few.' } }))).toEqual({
      suppressed: true,
      title: 'Would you take part again?',
      reason: 'Too few.',
    });
    expect(() => questionChart(result({ kind: 'long-text' }))).toThrow(expect.objectContaining({ code: 'NOT_A_CHART' }));
  });

  it('spreads numbers: one bar per value when few, round ranges otherwise', () => {
    expect(numberDistribution([2, 2, 4])).toEqual([
      { label: '2', value: 2 },
      { label: '3', value: 0 },
      { label: '4', value: 1 },
    ]);
    const wide = numberDistribution([0, 10, 20, 50, 100]);
    expect(wide.map((b) => b.value)).toEqual([2, 1, 1, 0, 1]);
    expect(wide[4]!.label).toBe('80 to 100');
    // Round edges: the labels do not give away the exact smallest (3) or largest (97) answer.
    const odd = numberDistribution([3, 14, 97]);
    expect(odd.map((b) => b.label)).toEqual(['0 to under 20', '20 to under 40', '40 to under 60', '60 to under 80', '80 to 100']);
    expect(odd.map((b) => b.value)).toEqual([2, 0, 0, 0, 1]);
    expect(numberDistribution([])).toEqual([]);
  });
});
