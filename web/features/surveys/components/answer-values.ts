import type { Answers, AnswerValue, Question } from '../../../../src/shared/api/surveys.ts';
import { TEXT_LIMITS } from '../../../../src/shared/surveys.ts';

/**
 * The answers as the form holds them while someone types: a number question keeps its text (so
 * "1." or "-" can be on the way to a number), everything else keeps the value it will be sent as.
 */
export type LocalValue = number | string | string[];
export type LocalAnswers = Record<string, LocalValue>;

export interface Section {
  /** '' for questions outside any section. */
  title: string;
  questions: Question[];
}

/** Consecutive questions under the same heading form a section, in the survey's order. */
export function sectionsOf(questions: readonly Question[]): Section[] {
  const sections: Section[] = [];
  for (const q of questions) {
    const last = sections.at(-1);
    if (last && last.title === q.section) last.questions.push(q);
    else sections.push({ title: q.section, questions: [q] });
  }
  return sections;
}

/** The saved answers as the form holds them. */
export function toLocal(questions: readonly Question[], answers: Answers): LocalAnswers {
  const local: LocalAnswers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined) continue;
    local[q.id] = q.kind === 'number' && typeof value === 'number' ? String(value) : value;
  }
  return local;
}

function numberOf(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** One answer as it is sent, or undefined when the question is left unanswered. */
function answerOf(q: Question, value: LocalValue | undefined): AnswerValue | undefined {
  if (value === undefined) return undefined;
  switch (q.kind) {
    case 'likert':
      return typeof value === 'number' ? value : undefined;
    case 'number':
      return typeof value === 'string' ? (numberOf(value) ?? undefined) : typeof value === 'number' ? value : undefined;
    case 'single':
      return typeof value === 'string' && value !== '' ? value : undefined;
    case 'multiple':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case 'short-text':
    case 'long-text':
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
}

/** What is sent: the answered questions only (a draft may leave any out). */
export function toAnswers(questions: readonly Question[], local: LocalAnswers): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const value = answerOf(q, local[q.id]);
    if (value !== undefined) answers[q.id] = value;
  }
  return answers;
}

/** How many of these questions have an answer. */
export function answeredCount(questions: readonly Question[], local: LocalAnswers): number {
  return questions.filter((q) => answerOf(q, local[q.id]) !== undefined).length;
}

/**
 * The problems to fix before sending, by question id: a required question left out, a number
 * that isn't one or is out of bounds, text that is too long. The server checks the same.
 */
export function answerProblems(questions: readonly Question[], local: LocalAnswers): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const q of questions) {
    const raw = local[q.id];
    const value = answerOf(q, raw);
    if (q.kind === 'number' && typeof raw === 'string' && raw.trim() !== '' && value === undefined) {
      problems[q.id] = 'Enter a number, such as 3.';
      continue;
    }
    if (value === undefined) {
      if (q.required) problems[q.id] = 'Please answer this question.';
      continue;
    }
    if (q.kind === 'number' && typeof value === 'number') {
      if (q.min !== null && value < q.min) problems[q.id] = `Enter ${q.min} or more.`;
      else if (q.max !== null && value > q.max) problems[q.id] = `Enter ${q.max} or less.`;
    }
    if ((q.kind === 'short-text' || q.kind === 'long-text') && typeof value === 'string' && value.length > TEXT_LIMITS[q.kind]) {
      problems[q.id] = `Please keep this to ${TEXT_LIMITS[q.kind]} characters.`;
    }
  }
  return problems;
}

/** The server's field errors ("answers.<questionId>") by question id. */
export function problemsFromDetails(details: readonly { path: string; message: string }[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const d of details) {
    const [head, id] = d.path.split('.');
    if (head === 'answers' && id && !(id in problems)) problems[id] = d.message;
  }
  return problems;
}
