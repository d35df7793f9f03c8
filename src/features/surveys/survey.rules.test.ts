import { describe, expect, it } from 'vitest';
import type { AnswerValue, Question } from '../../shared/api/surveys.ts';
import { TEXT_LIMITS } from '../../shared/surveys.ts';
import {
  answerProblems,
  cleanAnswers,
  defaultDates,
  frozenChangeProblems,
  hasOpened,
  isBlank,
  roundsBefore,
  questionProblems,
  questionsFor,
  reminderRoundsDue,
  scheduleProblems,
  surveyState,
  wordingChanges,
} from './survey.rules.ts';
import { surveyQuestion } from '../../../test/fixtures/survey-question.ts';

const question = (over: Partial<Question> & Pick<Question, 'id' | 'kind'>): Question =>
  surveyQuestion({ section: 'About your mentoring', ...over });

const LIKERT = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

const paths = (problems: readonly { path: string }[]) => problems.map((p) => p.path);

describe('surveyState in the program time zone (America/Chicago)', () => {
  const tz = 'America/Chicago';
  // Daylight saving ends on 2026-11-01: the first day starts at 05:00 UTC (CDT), the day after
  // the last ends at 06:00 UTC (CST).
  const clock = { publishedAt: '2026-10-20T15:00:00.000Z', closedEarlyAt: null, opensOn: '2026-11-01', closesOn: '2026-11-14' };
  const at = (iso: string) => new Date(iso);

  it('is a draft until published, whatever the date', () => {
    expect(surveyState({ ...clock, publishedAt: null }, tz, at('2026-11-05T12:00:00Z'))).toBe('draft');
    expect(surveyState({ ...clock, publishedAt: null }, tz, at('2027-01-01T12:00:00Z'))).toBe('draft');
    expect(hasOpened({ ...clock, publishedAt: null }, tz, at('2026-11-05T12:00:00Z'))).toBe(false);
  });

  it('is scheduled until local midnight of the opening day, then open', () => {
    expect(surveyState(clock, tz, at('2026-10-21T12:00:00Z'))).toBe('scheduled');
    // 23:59:59 on October 31 in Chicago, though already November 1 in UTC.
    expect(surveyState(clock, tz, at('2026-11-01T04:59:59.999Z'))).toBe('scheduled');
    expect(hasOpened(clock, tz, at('2026-11-01T04:59:59.999Z'))).toBe(false);
    expect(surveyState(clock, tz, at('2026-11-01T05:00:00.000Z'))).toBe('open');
    expect(hasOpened(clock, tz, at('2026-11-01T05:00:00.000Z'))).toBe(true);
  });

  it('stays open to the end of the closing day (local), then is closed', () => {
    // 23:59 on November 14 in Chicago, already November 15 in UTC.
    expect(surveyState(clock, tz, at('2026-11-15T05:59:59.999Z'))).toBe('open');
    expect(surveyState(clock, tz, at('2026-11-15T06:00:00.000Z'))).toBe('closed');
    expect(surveyState(clock, tz, at('2027-03-01T00:00:00.000Z'))).toBe('closed');
    expect(hasOpened(clock, tz, at('2027-03-01T00:00:00.000Z'))).toBe(true);
  });

  it('a one-day survey on the day clocks spring forward is open for its 23 hours', () => {
    const day = { ...clock, opensOn: '2026-03-08', closesOn: '2026-03-08' };
    expect(surveyState(day, tz, at('2026-03-08T05:59:59.999Z'))).toBe('scheduled');
    expect(surveyState(day, tz, at('2026-03-08T06:00:00.000Z'))).toBe('open');
    expect(surveyState(day, tz, at('2026-03-09T04:59:59.999Z'))).toBe('open');
    expect(surveyState(day, tz, at('2026-03-09T05:00:00.000Z'))).toBe('closed');
  });

  it('closed early is closed, even in its window or before it opened', () => {
    const early = { ...clock, closedEarlyAt: '2026-11-03T18:00:00.000Z' };
    expect(surveyState(early, tz, at('2026-11-04T12:00:00Z'))).toBe('closed');
    expect(surveyState({ ...clock, closedEarlyAt: '2026-10-25T18:00:00.000Z' }, tz, at('2026-10-26T12:00:00Z'))).toBe('closed');
  });

  it('the same instants read differently in another zone', () => {
    // 05:30 UTC on November 15 is still November 14 in Chicago but November 15 in Paris.
    expect(surveyState(clock, tz, at('2026-11-15T05:30:00Z'))).toBe('open');
    expect(surveyState(clock, 'Europe/Paris', at('2026-11-15T05:30:00Z'))).toBe('closed');
  });
});

describe('scheduleProblems', () => {
  const window = { opensOn: '2026-06-01', closesOn: '2026-06-30' };
  const today = '2026-05-20';
  const wrapUp = { kind: 'wrap-up' as const, window, today };
  const checkIn = { kind: 'check-in' as const, window, today };

  it('accepts a wrap-up inside the window, edges included', () => {
    expect(scheduleProblems({ opensOn: '2026-06-01', closesOn: '2026-06-30' }, wrapUp)).toEqual([]);
    expect(scheduleProblems({ opensOn: '2026-06-10', closesOn: '2026-06-10' }, wrapUp)).toEqual([]);
  });

  it('refuses a wrap-up that opens or closes outside the window, naming the window', () => {
    const early = scheduleProblems({ opensOn: '2026-05-31', closesOn: '2026-06-20' }, wrapUp);
    expect(paths(early)).toEqual(['opensOn']);
    expect(early[0]!.message).toContain('2026-06-01 to 2026-06-30');
    expect(paths(scheduleProblems({ opensOn: '2026-06-10', closesOn: '2026-07-01' }, wrapUp))).toEqual(['closesOn']);
    expect(paths(scheduleProblems({ opensOn: '2026-07-02', closesOn: '2026-07-05' }, wrapUp))).toEqual(['opensOn', 'closesOn']);
    expect(paths(scheduleProblems({ opensOn: '2026-05-21', closesOn: '2026-05-25' }, wrapUp))).toEqual(['opensOn', 'closesOn']);
  });

  it('lets a check-in run on any dates', () => {
    expect(scheduleProblems({ opensOn: '2026-05-21', closesOn: '2026-05-25' }, checkIn)).toEqual([]);
    expect(scheduleProblems({ opensOn: '2026-08-01', closesOn: '2026-09-30' }, checkIn)).toEqual([]);
  });

  it('refuses closing before opening, and closing in the past (closing today is fine)', () => {
    const backwards = scheduleProblems({ opensOn: '2026-06-20', closesOn: '2026-06-10' }, wrapUp);
    expect(backwards).toEqual([{ path: 'closesOn', message: 'The survey must close on or after the day it opens.' }]);
    expect(scheduleProblems({ opensOn: '2026-05-01', closesOn: '2026-05-19' }, checkIn)).toEqual([
      { path: 'closesOn', message: 'The closing date has already passed.' },
    ]);
    expect(scheduleProblems({ opensOn: '2026-05-01', closesOn: today }, checkIn)).toEqual([]);
    expect(paths(scheduleProblems({ opensOn: '2026-05-01', closesOn: '2026-05-19' }, wrapUp))).toEqual(['closesOn', 'opensOn', 'closesOn']);
  });

  it('starts a wrap-up on the window, a check-in on two weeks from today', () => {
    expect(defaultDates('wrap-up', window, today)).toEqual(window);
    expect(defaultDates('check-in', window, '2026-12-25')).toEqual({ opensOn: '2026-12-25', closesOn: '2027-01-08' });
  });
});

describe('questionProblems', () => {
  const good = [
    question({ id: 'useful', kind: 'likert', options: LIKERT }),
    question({ id: 'format', kind: 'single', options: ['Online', 'In person'] }),
    question({ id: 'topics', kind: 'multiple', options: ['Career', 'Skills', 'Network'] }),
    question({ id: 'hours', kind: 'number', min: 0, max: 40 }),
    question({ id: 'exactly', kind: 'number', min: 3, max: 3 }),
    question({ id: 'open', kind: 'number' }),
    question({ id: 'best', kind: 'short-text' }),
    question({ id: 'else', kind: 'long-text' }),
  ];

  it('accepts well-formed questions of every kind', () => {
    expect(questionProblems(good)).toEqual([]);
  });

  it('wants five labels on a 1–5 scale', () => {
    expect(questionProblems([question({ id: 'a', kind: 'likert', options: LIKERT.slice(0, 4) })])).toEqual([
      { path: 'questions.0.options', message: 'A 1–5 scale needs a label for each of its five points.' },
    ]);
    expect(paths(questionProblems([question({ id: 'a', kind: 'likert', options: [...LIKERT, 'Extra'] })]))).toEqual([
      'questions.0.options',
    ]);
    expect(paths(questionProblems([question({ id: 'a', kind: 'likert' })]))).toEqual(['questions.0.options']);
  });

  it('wants two or more distinct choices', () => {
    expect(questionProblems([question({ id: 'a', kind: 'single', options: ['Only'] })])).toEqual([
      { path: 'questions.0.options', message: 'A choice question needs at least two choices.' },
    ]);
    expect(questionProblems([question({ id: 'a', kind: 'multiple', options: ['Yes', 'No', 'Yes'] })])).toEqual([
      { path: 'questions.0.options', message: 'Each choice must be different.' },
    ]);
    expect(paths(questionProblems([question({ id: 'a', kind: 'multiple', options: [] })]))).toEqual(['questions.0.options']);
  });

  it('refuses options on kinds that have none, and bounds on kinds other than number', () => {
    for (const kind of ['number', 'short-text', 'long-text'] as const) {
      expect(questionProblems([question({ id: 'a', kind, options: ['x'] })])).toEqual([
        { path: 'questions.0.options', message: 'Only scale and choice questions have options.' },
      ]);
    }
    expect(questionProblems([question({ id: 'a', kind: 'likert', options: LIKERT, min: 1 })])).toEqual([
      { path: 'questions.0.min', message: 'Only number questions have a smallest and largest value.' },
    ]);
    expect(paths(questionProblems([question({ id: 'a', kind: 'short-text', max: 10 })]))).toEqual(['questions.0.min']);
  });

  it('refuses a largest value below the smallest', () => {
    expect(questionProblems([question({ id: 'a', kind: 'number', min: 10, max: 9 })])).toEqual([
      { path: 'questions.0.max', message: 'The largest value must not be below the smallest.' },
    ]);
  });

  it('refuses two questions with one id, at the second', () => {
    const problems = questionProblems([...good, question({ id: 'hours', kind: 'short-text' })]);
    expect(problems).toEqual([{ path: `questions.${good.length}.id`, message: 'Two questions share the id "hours".' }]);
  });
});

describe('frozenChangeProblems and wordingChanges', () => {
  const before = [
    question({ id: 'useful', kind: 'likert', options: LIKERT, required: true }),
    question({ id: 'format', kind: 'single', options: ['Online', 'In person'] }),
    question({ id: 'hours', kind: 'number', min: 0, max: 40, audience: 'mentor' }),
  ];
  const refusedAt = (after: Question[], path: string) =>
    expect(frozenChangeProblems(before, after)).toEqual([
      { path, message: 'People have answered already: only the wording of questions may change now.' },
    ]);
  const change = (i: number, over: Partial<Question>) => before.map((q, j) => (j === i ? { ...q, ...over } : q));

  it('allows wording: text, help, section and option labels — and records what changed', () => {
    const after = [
      {
        ...before[0]!,
        text: 'How useful was the program?',
        help: 'Think about the whole year.',
        options: [...LIKERT.slice(0, 4), 'Very much'],
      },
      before[1]!,
      { ...before[2]!, section: 'Time' },
    ];
    expect(frozenChangeProblems(before, after)).toEqual([]);
    expect(frozenChangeProblems(before, before)).toEqual([]);
    expect(wordingChanges(before, after)).toEqual([
      {
        questionId: 'useful',
        before: `About your mentoring | Question useful |  | ${LIKERT.join(' | ')}`,
        after: `About your mentoring | How useful was the program? | Think about the whole year. | ${[...LIKERT.slice(0, 4), 'Very much'].join(' | ')}`,
      },
      { questionId: 'hours', before: 'About your mentoring | Question hours | ', after: 'Time | Question hours | ' },
    ]);
    expect(wordingChanges(before, before)).toEqual([]);
  });

  it('refuses a change of kind, number of options, requirement, audience or bounds, at that question', () => {
    refusedAt(change(1, { kind: 'multiple' }), 'questions.1');
    refusedAt(change(1, { options: ['Online', 'In person', 'Both'] }), 'questions.1');
    refusedAt(change(0, { required: false }), 'questions.0');
    refusedAt(change(2, { audience: 'both' }), 'questions.2');
    refusedAt(change(2, { min: 1 }), 'questions.2');
    refusedAt(change(2, { max: 41 }), 'questions.2');
  });

  it('refuses renaming a choice once chosen: answers are stored as the choice’s text', () => {
    expect(frozenChangeProblems(before, change(1, { options: ['Video call', 'In person'] }))).toEqual([
      { path: 'questions.1.options', message: 'People have chosen among these choices already: they can no longer be renamed.' },
    ]);
  });

  it('refuses reordering, adding and removing questions', () => {
    refusedAt([before[1]!, before[0]!, before[2]!], 'questions.0');
    refusedAt(change(2, { id: 'hours-per-week' }), 'questions.2');
    refusedAt([...before, question({ id: 'more', kind: 'short-text' })], 'questions');
    refusedAt(before.slice(0, 2), 'questions');
  });
});

describe('answerProblems', () => {
  const questions = [
    question({ id: 'useful', kind: 'likert', options: LIKERT, required: true }),
    question({ id: 'format', kind: 'single', options: ['Online', 'In person'], required: true }),
    question({ id: 'topics', kind: 'multiple', options: ['Career', 'Skills', 'Network'] }),
    question({ id: 'hours', kind: 'number', min: 0, max: 40 }),
    question({ id: 'best', kind: 'short-text', required: true }),
    question({ id: 'else', kind: 'long-text' }),
  ];
  const complete = { useful: 4, format: 'Online', topics: ['Career', 'Network'], hours: 12, best: 'The meetings.', else: 'Thanks.' };
  const problemFor = (id: string, value: AnswerValue) =>
    answerProblems(questions, { ...complete, [id]: value }, { final: true }).map((p) => `${p.path}: ${p.message}`);

  it('accepts complete, valid answers, final or not', () => {
    expect(answerProblems(questions, complete, { final: true })).toEqual([]);
    expect(answerProblems(questions, complete, { final: false })).toEqual([]);
  });

  it('takes only whole points 1 to 5 on a scale', () => {
    expect(problemFor('useful', 6)).toEqual(['answers.useful: Choose a point from 1 to 5.']);
    expect(problemFor('useful', 0)).toEqual(['answers.useful: Choose a point from 1 to 5.']);
    expect(problemFor('useful', 2.5)).toEqual(['answers.useful: Choose a point from 1 to 5.']);
    expect(problemFor('useful', '4')).toEqual(['answers.useful: Choose a point from 1 to 5.']);
    expect(problemFor('useful', 1)).toEqual([]);
    expect(problemFor('useful', 5)).toEqual([]);
  });

  it('wants required questions only in a final answer; blanks count as missing', () => {
    const partial = { topics: [], best: '   ' };
    expect(answerProblems(questions, partial, { final: false })).toEqual([]);
    expect(paths(answerProblems(questions, partial, { final: true }))).toEqual(['answers.useful', 'answers.format', 'answers.best']);
    expect(answerProblems(questions, partial, { final: true })[0]!.message).toBe('Please answer this question.');
    expect(answerProblems(questions, {}, { final: false })).toEqual([]);
  });

  it('checks a draft’s answers all the same', () => {
    expect(paths(answerProblems(questions, { useful: 9 }, { final: false }))).toEqual(['answers.useful']);
  });

  it('takes only the choices offered, each once', () => {
    expect(problemFor('format', 'By phone')).toEqual(['answers.format: Choose one of the choices offered.']);
    expect(problemFor('format', ['Online'])).toEqual(['answers.format: Choose one of the choices offered.']);
    expect(problemFor('topics', ['Career', 'Travel'])).toEqual(['answers.topics: Choose among the choices offered.']);
    expect(problemFor('topics', 'Career')).toEqual(['answers.topics: Choose among the choices offered.']);
    expect(problemFor('topics', ['Career', 'Skills', 'Career'])).toEqual(['answers.topics: Choose each choice once.']);
  });

  it('keeps numbers finite and within their bounds', () => {
    expect(problemFor('hours', 41)).toEqual(['answers.hours: Enter 40 or less.']);
    expect(problemFor('hours', -1)).toEqual(['answers.hours: Enter 0 or more.']);
    expect(problemFor('hours', Number.NaN)).toEqual(['answers.hours: Enter a number.']);
    expect(problemFor('hours', Number.POSITIVE_INFINITY)).toEqual(['answers.hours: Enter a number.']);
    expect(problemFor('hours', '12')).toEqual(['answers.hours: Enter a number.']);
    expect(problemFor('hours', 0)).toEqual([]);
    expect(problemFor('hours', 40)).toEqual([]);
  });

  it('keeps text within TEXT_LIMITS', () => {
    const short = TEXT_LIMITS['short-text'];
    const long = TEXT_LIMITS['long-text'];
    expect(problemFor('best', 'x'.repeat(short))).toEqual([]);
    expect(problemFor('best', 'x'.repeat(short + 1))).toEqual([`answers.best: Keep it to ${short} characters (this is ${short + 1}).`]);
    expect(problemFor('else', 'x'.repeat(long))).toEqual([]);
    expect(problemFor('else', 'x'.repeat(long + 1))).toEqual(['answers.else: Keep it to 4,000 characters (this is 4,001).']);
    expect(problemFor('best', 42)).toEqual(['answers.best: Write your answer as text.']);
  });

  it('refuses answers to questions not asked, such as another role’s', () => {
    const all = [...questions, question({ id: 'mentee-only', kind: 'short-text', audience: 'mentee' })];
    const asked = questionsFor(all, 'mentor');
    expect(asked.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    expect(questionsFor(all, 'mentee').map((q) => q.id)).toEqual(all.map((q) => q.id));
    expect(answerProblems(asked, { ...complete, 'mentee-only': 'Hello' }, { final: false })).toEqual([
      { path: 'answers.mentee-only', message: 'This question is not in your survey.' },
    ]);
    expect(paths(answerProblems(asked, { ...complete, ghost: '' }, { final: true }))).toEqual(['answers.ghost']);
  });
});

describe('isBlank and cleanAnswers', () => {
  const questions = [
    question({ id: 'useful', kind: 'likert', options: LIKERT }),
    question({ id: 'topics', kind: 'multiple', options: ['Career', 'Skills'] }),
    question({ id: 'hours', kind: 'number' }),
    question({ id: 'best', kind: 'short-text' }),
    question({ id: 'else', kind: 'long-text' }),
  ];

  it('counts no text, blank text and no choices as blank, and zero as an answer', () => {
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \n\t')).toBe(true);
    expect(isBlank([])).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(['Career'])).toBe(false);
    expect(isBlank(' a ')).toBe(false);
  });

  it('drops blanks and answers to other questions, trims text, keeps the rest as it is', () => {
    expect(cleanAnswers(questions, { useful: 3, topics: [], hours: 0, best: '  Great mentor \n', else: '   ', stray: 'x' })).toEqual({
      useful: 3,
      hours: 0,
      best: 'Great mentor',
    });
    expect(cleanAnswers(questions, { topics: ['Skills', 'Career'] })).toEqual({ topics: ['Skills', 'Career'] });
    expect(cleanAnswers(questions, {})).toEqual({});
  });
});

describe('reminder rounds', () => {
  const june = { opensOn: '2026-06-01', closesOn: '2026-06-30' };

  it('a week before closing, then two days before; due until it closes, nothing after', () => {
    expect(reminderRoundsDue(june, '2026-06-01')).toEqual([]);
    expect(reminderRoundsDue(june, '2026-06-22')).toEqual([]);
    expect(reminderRoundsDue(june, '2026-06-23')).toEqual(['week']);
    expect(reminderRoundsDue(june, '2026-06-27')).toEqual(['week']);
    expect(reminderRoundsDue(june, '2026-06-28')).toEqual(['week', 'last']);
    expect(reminderRoundsDue(june, '2026-06-30')).toEqual(['week', 'last']);
    expect(reminderRoundsDue(june, '2026-07-01')).toEqual([]);
  });

  it('skips a round that does not fall after the opening day', () => {
    // Opens 2026-06-23, the week round's own day: only the last round.
    expect(reminderRoundsDue({ opensOn: '2026-06-23', closesOn: '2026-06-30' }, '2026-06-29')).toEqual(['last']);
    expect(reminderRoundsDue({ opensOn: '2026-06-22', closesOn: '2026-06-30' }, '2026-06-29')).toEqual(['week', 'last']);
    // Opens on the last round's day, or closes the day it opens: none.
    expect(reminderRoundsDue({ opensOn: '2026-06-28', closesOn: '2026-06-30' }, '2026-06-30')).toEqual([]);
    expect(reminderRoundsDue({ opensOn: '2026-06-30', closesOn: '2026-06-30' }, '2026-06-30')).toEqual([]);
  });

  it('works across a month end', () => {
    expect(reminderRoundsDue({ opensOn: '2026-02-01', closesOn: '2026-03-02' }, '2026-02-23')).toEqual(['week']);
    expect(reminderRoundsDue({ opensOn: '2026-02-01', closesOn: '2026-03-02' }, '2026-02-28')).toEqual(['week', 'last']);
  });

  it('roundsBefore: a round is due to whoever got nothing or only an earlier round', () => {
    expect(roundsBefore('week')).toEqual([]);
    expect(roundsBefore('last')).toEqual(['week']);
  });

  it('extending after the last round sends no round again', () => {
    const extended = { ...june, closesOn: '2026-07-14' };
    const due = reminderRoundsDue(extended, '2026-07-12');
    expect(due).toEqual(['week', 'last']);
    // Someone who had the last round is owed neither; someone who had the week's, only the last.
    expect(due.filter((r) => roundsBefore(r).includes('last'))).toEqual([]);
    expect(due.filter((r) => roundsBefore(r).includes('week'))).toEqual(['last']);
  });
});
