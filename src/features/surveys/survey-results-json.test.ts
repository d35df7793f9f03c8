import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question, SurveyResults } from '../../shared/api/surveys.ts';
import { surveyQuestion } from '../../../test/fixtures/survey-question.ts';
import { sampledJsonOf, writeSampled } from './survey-results-json.ts';
import { sampleTexts, surveyResults } from './survey-results.rules.ts';
import type { StoredResponse } from './survey-results.rules.ts';
import { mulberry32 } from '../../shared/seeded-random.ts';

/** A fixed sequence of pseudo-random numbers in [0, 1). */
const seeded = mulberry32;

const MARKER = '0123456789abcdef0123';
const text = (id: string): Question => surveyQuestion({ id, section: 'The year', kind: 'long-text' });
const scale = surveyQuestion({ id: 'useful', section: 'The year', kind: 'likert', options: ['1', '2', '3', '4', '5'] });

/** Results of three written questions (`counts` answers each, both roles) and a scale. */
function resultsOf(counts: readonly number[], write: (q: number, i: number) => string): SurveyResults {
  const questions = [scale, ...counts.map((_, q) => text(`t${q}`))];
  const responses: StoredResponse[] = [];
  counts.forEach((n, q) => {
    for (let i = 0; i < n; i++)
      responses.push({ role: i % 2 === 0 ? 'mentor' : 'mentee', answers: { [`t${q}`]: write(q, i), useful: (i % 5) + 1 } });
  });
  return {
    surveyId: 7,
    title: 'Wrap-up',
    periodName: '2026',
    state: 'closed',
    minGroupSize: 5,
    respondents: responses.length,
    invited: responses.length + 10,
    questions: surveyResults(questions, responses, { min: 5, by: ['role'], random: seeded(1) }),
  };
}

describe('survey results written to JSON once, sampled per answer', () => {
  it('is the JSON of sampleTexts with the same random draws, whatever the answers say', () => {
    // Quotes, back-slashes, line breaks, other scripts, and the gap's own spelling as an answer.
    const tricky = ['"quoted"', 'back\\slash', 'two\nlines', 'née 東京 🚀', `["${MARKER}:0"]`, '</script>', '\u2028'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 3 }), fc.integer(), (counts, seed) => {
        const results = resultsOf(counts, (q, i) => `${tricky[(q + i) % tricky.length]} ${q}/${i}`);
        const expected = { ...results, questions: sampleTexts(results.questions, seeded(seed)) };
        const written = writeSampled(sampledJsonOf(results, MARKER), seeded(seed));
        expect(written).toBe(JSON.stringify(expected));
      }),
      { numRuns: 40 },
    );
  });

  it('draws a new sample for each answer from the JSON written once', () => {
    const results = resultsOf([1000], (_, i) => `Answer ${i}`);
    const json = sampledJsonOf(results, MARKER);
    expect(json.gaps).toHaveLength(3); // everyone, mentors, mentees
    const texts = (written: string) => (JSON.parse(written) as SurveyResults).questions[1]!.overall;
    const a = texts(writeSampled(json, seeded(1)));
    const b = texts(writeSampled(json, seeded(2)));
    if (a.suppressed || b.suppressed) throw new Error('not suppressed');
    expect(a.texts).toHaveLength(200);
    expect(a.textsTotal).toBe(1000);
    expect(a.texts).not.toEqual(b.texts);
  });

  it('leaves results with no more answers than a page shows as they are', () => {
    const results = resultsOf([30, 0], (_, i) => `Answer ${i}`);
    const json = sampledJsonOf(results, MARKER);
    expect(json.gaps).toHaveLength(0);
    expect(writeSampled(json, seeded(1))).toBe(JSON.stringify(results));
  });

  it('refuses a marker that could be guessed or be part of an answer', () => {
    expect(() =>
      sampledJsonOf(
        resultsOf([300], () => 'x'),
        'abc',
      ),
    ).toThrow(/marker/);
  });
});
