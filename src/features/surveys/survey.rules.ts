import type { Answers, AnswerValue, Question } from '../../shared/api/surveys.ts';
import type { RespondentRole, SurveyState } from '../../shared/surveys.ts';
import { LIKERT_POINTS, TEXT_LIMITS } from '../../shared/surveys.ts';
import { addDays, endOfDay, startOfDay } from '../../time/zoned.ts';

/** Pure rules of surveys: when one is open, what may be changed, and what counts as a valid answer. */

export interface Problem {
  path: string;
  message: string;
}

export interface SurveyClock {
  publishedAt: string | null;
  closedEarlyAt: string | null;
  opensOn: string;
  closesOn: string;
}

/** Open from the start of its first day to the end of its last, in the program's time zone. */
export function surveyState(s: SurveyClock, timeZone: string, now: Date): SurveyState {
  if (s.publishedAt === null) return 'draft';
  if (s.closedEarlyAt !== null) return 'closed';
  if (now < startOfDay(s.opensOn, timeZone)) return 'scheduled';
  if (now >= endOfDay(s.closesOn, timeZone)) return 'closed';
  return 'open';
}

/** Whether the survey has opened at some point (so `named` and the opening date are settled). */
export const hasOpened = (s: SurveyClock, timeZone: string, now: Date): boolean =>
  s.publishedAt !== null && now >= startOfDay(s.opensOn, timeZone);

/**
 * The dates' problems: in order, not ending in the past, and — for the wrap-up survey — inside
 * the period's survey window. A check-in may run on any dates.
 */
export function scheduleProblems(
  dates: { opensOn: string; closesOn: string },
  o: { kind: 'wrap-up' | 'check-in'; window: { opensOn: string; closesOn: string }; today: string },
): Problem[] {
  const problems: Problem[] = [];
  if (dates.closesOn < dates.opensOn) problems.push({ path: 'closesOn', message: 'The survey must close on or after the day it opens.' });
  if (dates.closesOn < o.today) problems.push({ path: 'closesOn', message: 'The closing date has already passed.' });
  if (o.kind === 'wrap-up') {
    const { opensOn, closesOn } = o.window;
    if (dates.opensOn < opensOn || dates.opensOn > closesOn) {
      problems.push({
        path: 'opensOn',
        message: `The wrap-up survey must open within the period's survey window (${opensOn} to ${closesOn}).`,
      });
    }
    if (dates.closesOn > closesOn || dates.closesOn < opensOn) {
      problems.push({
        path: 'closesOn',
        message: `The wrap-up survey must close within the period's survey window (${opensOn} to ${closesOn}).`,
      });
    }
  }
  return problems;
}

/** The dates a new survey starts with: the window for a wrap-up, two weeks from today for a check-in. */
export function defaultDates(kind: 'wrap-up' | 'check-in', window: { opensOn: string; closesOn: string }, today: string) {
  if (kind === 'wrap-up') return { opensOn: window.opensOn, closesOn: window.closesOn };
  return { opensOn: today, closesOn: addDays(today, 14) };
}

/** A question's shape: the options its kind needs, sensible bounds, ids that are unique. */
export function questionProblems(questions: readonly Question[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = (field: string) => `questions.${i}.${field}`;
    if (seen.has(q.id)) problems.push({ path: at('id'), message: `Two questions share the id "${q.id}".` });
    seen.add(q.id);
    if (q.kind === 'likert' && q.options.length !== LIKERT_POINTS.length) {
      problems.push({ path: at('options'), message: 'A 1–5 scale needs a label for each of its five points.' });
    }
    if ((q.kind === 'single' || q.kind === 'multiple') && q.options.length < 2) {
      problems.push({ path: at('options'), message: 'A choice question needs at least two choices.' });
    }
    if ((q.kind === 'single' || q.kind === 'multiple') && new Set(q.options).size !== q.options.length) {
      problems.push({ path: at('options'), message: 'Each choice must be different.' });
    }
    if (q.kind !== 'likert' && q.kind !== 'single' && q.kind !== 'multiple' && q.options.length > 0) {
      problems.push({ path: at('options'), message: 'Only scale and choice questions have options.' });
    }
    if (q.kind !== 'number' && (q.min !== null || q.max !== null)) {
      problems.push({ path: at('min'), message: 'Only number questions have a smallest and largest value.' });
    }
    if (q.min !== null && q.max !== null && q.min > q.max) {
      problems.push({ path: at('max'), message: 'The largest value must not be below the smallest.' });
    }
  });
  return problems;
}

/**
 * After answers exist only wording may change: the same questions, in the same order, of the
 * same kind, audience and requirement, with as many options. Returns the problems, if any.
 */
export function frozenChangeProblems(before: readonly Question[], after: readonly Question[]): Problem[] {
  const frozen = { path: 'questions', message: 'People have answered already: only the wording of questions may change now.' };
  if (before.length !== after.length) return [frozen];
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (
      a.id !== b.id ||
      a.kind !== b.kind ||
      a.audience !== b.audience ||
      a.required !== b.required ||
      a.options.length !== b.options.length ||
      a.min !== b.min ||
      a.max !== b.max
    ) {
      return [{ ...frozen, path: `questions.${i}` }];
    }
    // Choices are stored as their text: renaming one would orphan the answers already given.
    if ((a.kind === 'single' || a.kind === 'multiple') && a.options.some((o, k) => o !== b.options[k])) {
      return [
        { path: `questions.${i}.options`, message: 'People have chosen among these choices already: they can no longer be renamed.' },
      ];
    }
  }
  return [];
}

/** The wording that changed, one line per question, for the record kept beside the survey. */
export function wordingChanges(
  before: readonly Question[],
  after: readonly Question[],
): { questionId: string; before: string; after: string }[] {
  const describe = (q: Question) => [q.section, q.text, q.help, ...q.options].join(' | ');
  const changes = [];
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const a = describe(before[i]!);
    const b = describe(after[i]!);
    if (a !== b) changes.push({ questionId: after[i]!.id, before: a, after: b });
  }
  return changes;
}

/** The questions one person answers, for the role they answer as. */
export const questionsFor = (questions: readonly Question[], role: RespondentRole): Question[] =>
  questions.filter((q) => q.audience === 'both' || q.audience === role);

function valueProblem(q: Question, value: AnswerValue): string | null {
  switch (q.kind) {
    case 'likert':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? null : 'Choose a point from 1 to 5.';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number.';
      if (q.min !== null && value < q.min) return `Enter ${q.min} or more.`;
      if (q.max !== null && value > q.max) return `Enter ${q.max} or less.`;
      return null;
    case 'single':
      return typeof value === 'string' && q.options.includes(value) ? null : 'Choose one of the choices offered.';
    case 'multiple':
      if (!Array.isArray(value) || !value.every((v) => q.options.includes(v))) return 'Choose among the choices offered.';
      return new Set(value).size === value.length ? null : 'Choose each choice once.';
    case 'short-text':
    case 'long-text': {
      if (typeof value !== 'string') return 'Write your answer as text.';
      const limit = TEXT_LIMITS[q.kind];
      const length = value.trim().length;
      return length <= limit ? null : `Keep it to ${limit.toLocaleString('en-US')} characters (this is ${length.toLocaleString('en-US')}).`;
    }
  }
}

/** An empty answer counts as no answer: blank text, no choices ticked. */
export function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * Checks answers against the questions one person was asked. A draft may leave anything out;
 * a final answer must cover every required question. Answers to questions not asked are refused.
 */
export function answerProblems(questions: readonly Question[], answers: Answers, o: { final: boolean }): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) problems.push({ path: `answers.${id}`, message: 'This question is not in your survey.' });
  }
  for (const q of questions) {
    const value = answers[q.id];
    if (isBlank(value)) {
      if (o.final && q.required) problems.push({ path: `answers.${q.id}`, message: 'Please answer this question.' });
      continue;
    }
    const problem = valueProblem(q, value!);
    if (problem) problems.push({ path: `answers.${q.id}`, message: problem });
  }
  return problems;
}

/** Keeps the answers worth storing: blanks dropped, text trimmed. */
export function cleanAnswers(questions: readonly Question[], answers: Answers): Answers {
  const clean: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (isBlank(value)) continue;
    clean[q.id] = typeof value === 'string' ? value.trim() : value!;
  }
  return clean;
}

/**
 * Reminder rounds to people who have not answered: a week before it closes and two days before,
 * each only if it falls after the opening day. Rounds are named, so extending a survey does not
 * send a round again.
 */
export const REMINDER_ROUNDS = [
  { round: 'week', daysBefore: 7 },
  { round: 'last', daysBefore: 2 },
] as const;
export type ReminderRound = (typeof REMINDER_ROUNDS)[number]['round'];

export function reminderRoundsDue(s: { opensOn: string; closesOn: string }, today: string): ReminderRound[] {
  return REMINDER_ROUNDS.filter((r) => {
    const on = addDays(s.closesOn, -r.daysBefore);
    return on > s.opensOn && on <= today && today <= s.closesOn;
  }).map((r) => r.round);
}

/** The rounds before `round`: it is due to whoever got nothing yet or only one of these. */
export function roundsBefore(round: ReminderRound): ReminderRound[] {
  const order = REMINDER_ROUNDS.map((r) => r.round);
  return order.slice(0, order.indexOf(round));
}
