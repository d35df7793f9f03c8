import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Question, QuestionResult } from '../../shared/api/surveys.ts';
import type { RespondentRole, ResultBreakdown } from '../../shared/surveys.ts';
import { sampleTexts, summarize, surveyResults } from './survey-results.rules.ts';
import type { StoredResponse } from './survey-results.rules.ts';
import { groupsBy } from './survey-suppression.rules.ts';
import { surveyQuestion } from '../../../test/fixtures/survey-question.ts';
import { mulberry32 } from '../../shared/seeded-random.ts';

const question = (over: Partial<Question> & Pick<Question, 'id' | 'kind'>): Question => surveyQuestion({ section: 'The program', ...over });

const LIKERT = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];
const useful = question({ id: 'useful', kind: 'likert', options: LIKERT });
const format = question({ id: 'format', kind: 'single', options: ['Online', 'In person', 'Both'] });
const topics = question({ id: 'topics', kind: 'multiple', options: ['Career', 'Skills', 'Network'] });
const hours = question({ id: 'hours', kind: 'number', min: 0, max: 40 });
const best = question({ id: 'best', kind: 'short-text' });

/** A fixed sequence of pseudo-random numbers in [0, 1). */
const seeded = mulberry32;
const opts = (min: number) => ({ min, random: seeded(1) });

const answersOf = (role: RespondentRole, id: string, values: readonly AnswerValue[]): StoredResponse[] =>
  values.map((v) => ({ role, answers: { [id]: v } }));

const results = (q: Question, responses: StoredResponse[], min = 5, by: ResultBreakdown[] = ['role']): QuestionResult =>
  surveyResults([q], responses, { min, by, random: seeded(7) })[0]!;

describe('summaries by kind', () => {
  it('a scale: how many picked each point, with its label, the mean and the median', () => {
    expect(summarize(useful, [5, 4, 4, 2, 5], opts(5))).toEqual({
      answered: 5,
      counts: [
        { label: '1 · Strongly disagree', count: 0 },
        { label: '2 · Disagree', count: 1 },
        { label: '3 · Neither', count: 0 },
        { label: '4 · Agree', count: 2 },
        { label: '5 · Strongly agree', count: 2 },
      ],
      mean: 4,
      median: 4,
      texts: null,
      textsTotal: null,
    });
  });

  it('a scale with an even count: median between the middle two, mean to two places', () => {
    const s = summarize(useful, [1, 5, 2, 3, 5, 4], opts(5));
    expect(s.median).toBe(3.5);
    expect(s.mean).toBe(3.33);
    expect(summarize(useful, [1, 2, 2], opts(3)).mean).toBe(1.67);
  });

  it('one choice: how many picked each choice, in the order offered, none left out', () => {
    const s = summarize(format, ['Online', 'Both', 'Online', 'Online', 'Both'], opts(5));
    expect(s).toEqual({
      answered: 5,
      counts: [
        { label: 'Online', count: 3 },
        { label: 'In person', count: 0 },
        { label: 'Both', count: 2 },
      ],
      mean: null,
      median: null,
      texts: null,
      textsTotal: null,
    });
  });

  it('several choices: how many ticked each (the counts may add up to more than the people)', () => {
    const s = summarize(topics, [['Career', 'Skills'], ['Career'], ['Network', 'Career', 'Skills'], ['Skills'], ['Career']], opts(5));
    expect(s.answered).toBe(5);
    expect(s.counts).toEqual([
      { label: 'Career', count: 4 },
      { label: 'Skills', count: 3 },
      { label: 'Network', count: 1 },
    ]);
    expect(s.mean).toBeNull();
  });

  it('a number: mean and median, no counts', () => {
    expect(summarize(hours, [10, 0, 3, 40, 7], opts(5))).toEqual({
      answered: 5,
      counts: null,
      mean: 12,
      median: 7,
      texts: null,
      textsTotal: null,
    });
    expect(summarize(hours, [10, 0, 3, 40, 7, 2], opts(5))).toMatchObject({ mean: 10.33, median: 5 });
  });

  it('free text: every text, in an order that says nothing about who wrote it', () => {
    const written = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];
    const s = summarize(best, written, opts(5));
    expect(s.counts).toBeNull();
    expect([...(s.texts ?? [])].sort()).toEqual([...written].sort());
    // Over many random sources each text comes first some of the time.
    const firsts = new Set(Array.from({ length: 200 }, (_, seed) => summarize(best, written, { min: 5, random: seeded(seed) }).texts![0]));
    expect(firsts).toEqual(new Set(written));
    // The order follows the random source given, and only it.
    expect(summarize(best, written, opts(5)).texts).toEqual(summarize(best, written, opts(5)).texts);
  });

  it('free text: a page shows a random 200 when more wrote, and says how many did', () => {
    const written = Array.from({ length: 250 }, (_, i) => `Answer ${i}`);
    const all = results(best, answersOf('mentee', 'best', written), 5, []);
    const kept = JSON.stringify(all);
    const [page] = sampleTexts([all], seeded(3));
    const overall = page!.overall;
    if (overall.suppressed) throw new Error('not suppressed');
    expect(overall.textsTotal).toBe(250);
    expect(overall.texts).toHaveLength(200);
    expect(new Set(overall.texts)).toHaveProperty('size', 200);
    expect(overall.texts!.every((t) => written.includes(t))).toBe(true);
    // The results sampled are left as they were (they are kept and sampled again).
    expect(JSON.stringify(all)).toBe(kept);
    // Another random source, another sample: every answer has a chance to be read.
    const seen = new Set(
      Array.from({ length: 20 }, (_, seed) => {
        const o = sampleTexts([all], seeded(seed))[0]!.overall;
        return o.suppressed ? [] : o.texts!;
      }).flat(),
    );
    expect(seen.size).toBe(250);
    // Fewer than 200: all of them, as they were.
    const few = results(best, answersOf('mentee', 'best', written.slice(0, 30)), 5, []);
    expect(sampleTexts([few], seeded(1))[0]).toEqual(few);
  });

  it('free text: the sample is the first 200 steps of a Fisher–Yates shuffle of every answer', () => {
    // The same draws through a shuffle of a whole copy, as the sample was first written.
    const reference = (texts: readonly string[], random: () => number, max: number) => {
      const pool = [...texts];
      for (let i = 0; i < max; i++) {
        const j = i + Math.floor(random() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, max);
    };
    fc.assert(
      fc.property(fc.integer({ min: 201, max: 3000 }), fc.integer(), (n, seed) => {
        const written = Array.from({ length: n }, (_, i) => `Answer ${i}`);
        const all = results(best, answersOf('mentee', 'best', written), 5, []);
        if (all.overall.suppressed) throw new Error('not suppressed');
        const page = sampleTexts([all], seeded(seed))[0]!.overall;
        expect(page.suppressed ? null : page.texts).toEqual(reference(all.overall.texts!, seeded(seed), 200));
      }),
      { numRuns: 60 },
    );
  });

  it('free text: none at all when fewer than the threshold wrote some', () => {
    expect(summarize(best, ['One', 'Two', 'Three', 'Four'], opts(5))).toEqual({
      answered: 4,
      counts: null,
      mean: null,
      median: null,
      texts: null,
      textsTotal: null,
    });
  });
});

describe('surveyResults', () => {
  it('carries the question and summarizes everyone who answered', () => {
    const r = results(useful, answersOf('mentor', 'useful', [5, 4, 4, 2, 5]));
    expect(r).toMatchObject({ questionId: 'useful', section: 'The program', kind: 'likert', text: 'Question useful', audience: 'both' });
    expect(r.overall).toMatchObject({ suppressed: false, answered: 5, mean: 4, median: 4 });
  });

  it('hides a question fewer than the threshold answered, and its breakdown, with the reason', () => {
    const r = results(useful, answersOf('mentor', 'useful', [5, 4, 4, 2]));
    expect(r.overall).toEqual({ suppressed: true, reason: 'Fewer than 5 people answered, so this is not shown.' });
    expect(r.breakdowns).toEqual([
      { by: 'role', groups: { suppressed: true, reason: 'Fewer than 5 people answered, so this is not shown.' } },
    ]);
  });

  it('does not count blank answers or people who skipped the question', () => {
    const responses = [
      ...answersOf('mentor', 'best', ['Good', 'Useful', '   ', '']),
      ...answersOf('mentee', 'best', ['Kind', 'Helpful']),
      { role: 'mentee' as const, answers: { useful: 3 } },
    ];
    expect(results(best, responses).overall).toMatchObject({ suppressed: true });
    const more = [...responses, ...answersOf('mentee', 'best', ['Clear'])];
    const r = results(best, more);
    expect(r.overall).toMatchObject({ suppressed: false, answered: 5 });
    expect(r.overall.suppressed === false && [...r.overall.texts!].sort()).toEqual(['Clear', 'Good', 'Helpful', 'Kind', 'Useful']);
    expect(results(topics, answersOf('mentor', 'topics', [[], [], ['Career'], ['Skills'], ['Career']])).overall).toMatchObject({
      suppressed: true,
    });
  });

  it('shows each role when every role that answered reaches the threshold', () => {
    const responses = [...answersOf('mentor', 'useful', [5, 5, 4, 4, 3]), ...answersOf('mentee', 'useful', [2, 3, 3, 4, 1, 1])];
    const r = results(useful, responses);
    expect(r.overall).toMatchObject({ suppressed: false, answered: 11 });
    const groups = r.breakdowns[0]!.groups;
    expect(Array.isArray(groups)).toBe(true);
    if (!Array.isArray(groups)) return;
    expect(groups.map((g) => [g.value, g.label, g.summary.answered, g.summary.mean, g.summary.median])).toEqual([
      ['mentee', 'Mentees', 6, 2.33, 2.5],
      ['mentor', 'Mentors', 5, 4.2, 4],
    ]);
  });

  it('shows the one role that answered a one-role question as its only group', () => {
    const q = question({ id: 'mentee-hours', kind: 'number', audience: 'mentee' });
    const r = results(q, answersOf('mentee', 'mentee-hours', [1, 2, 3, 4, 5]));
    expect(r.audience).toBe('mentee');
    const groups = r.breakdowns[0]!.groups;
    expect(Array.isArray(groups) && groups.map((g) => [g.label, g.summary.answered])).toEqual([['Mentees', 5]]);
  });

  it('hides the role breakdown when one role is under the threshold, because the other would give it away', () => {
    // Everyone (9) is shown; mentors (6) alone would be too, but everyone − mentors = the 3 mentees.
    const responses = [...answersOf('mentor', 'hours', [1, 2, 3, 4, 5, 6]), ...answersOf('mentee', 'hours', [10, 20, 30])];
    const r = results(hours, responses);
    expect(r.overall).toMatchObject({ suppressed: false, answered: 9 });
    expect(r.breakdowns).toEqual([
      {
        by: 'role',
        groups: {
          suppressed: true,
          reason: 'A group here has fewer than 5 people (or could be worked out by difference), so this breakdown is not shown.',
        },
      },
    ]);
  });

  it('uses the threshold given', () => {
    const responses = [...answersOf('mentor', 'hours', [1, 2, 3]), ...answersOf('mentee', 'hours', [10, 20, 30])];
    expect(Array.isArray(results(hours, responses, 3).breakdowns[0]!.groups)).toBe(true);
    expect(results(hours, responses, 4).breakdowns[0]!.groups).toMatchObject({
      suppressed: true,
      reason: expect.stringContaining('fewer than 4'),
    });
    expect(results(hours, responses, 7).overall).toEqual({
      suppressed: true,
      reason: 'Fewer than 7 people answered, so this is not shown.',
    });
  });

  it('decides each question on its own respondents', () => {
    // Everyone answered the scale; two mentees skipped the number.
    const responses: StoredResponse[] = [
      ...[5, 4, 4, 3, 5].map((v) => ({ role: 'mentor' as const, answers: { useful: v, hours: v } })),
      ...[2, 3, 4, 5, 1].map(
        (v, i) => ({ role: 'mentee' as const, answers: i < 2 ? { useful: v } : { useful: v, hours: v } }) as StoredResponse,
      ),
    ];
    const [scale, number] = surveyResults([useful, hours], responses, { min: 5, by: ['role'], random: seeded(3) });
    expect(Array.isArray(scale!.breakdowns[0]!.groups)).toBe(true);
    expect(number!.overall).toMatchObject({ suppressed: false, answered: 8 });
    expect(number!.breakdowns[0]!.groups).toMatchObject({ suppressed: true });
  });

  it('gives no breakdown unless asked for one', () => {
    const r = results(useful, answersOf('mentor', 'useful', [5, 4, 4, 2, 5]), 5, []);
    expect(r.breakdowns).toEqual([]);
  });
});

describe('groupsBy', () => {
  it('splits by one attribute, values in alphabetical order, people by their index', () => {
    const people: Record<string, string>[] = [{ role: 'mentor' }, { role: 'mentee' }, { role: 'mentor' }, {}];
    expect([...groupsBy(people, 'role').entries()]).toEqual([
      ['', [3]],
      ['mentee', [1]],
      ['mentor', [0, 2]],
    ]);
  });
});
