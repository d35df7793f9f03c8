import { surveySettingsSchema } from '../../../../src/shared/api/surveys.ts';
import type { Question, Survey, SurveySettings, UpdateSurvey } from '../../../../src/shared/api/surveys.ts';
import { LIKERT_POINTS } from '../../../../src/shared/surveys.ts';
import type { QuestionKind } from '../../../../src/shared/surveys.ts';

/** A question as the builder holds it: the bounds of a number question as typed. */
export type QuestionValues = Omit<Question, 'min' | 'max'> & { min: string; max: string };

/** Everything staff edit on a survey's page, as the form holds it. */
export interface EditorValues {
  title: string;
  intro: string;
  audience: SurveySettings['audience'];
  named: boolean;
  opensOn: string;
  closesOn: string;
  questions: QuestionValues[];
}

/** The usual words for the five points of a scale, 1 first. */
export const DEFAULT_SCALE_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

const boundText = (n: number | null) => (n === null ? '' : String(n));

export function questionValues(q: Question): QuestionValues {
  return { ...q, min: boundText(q.min), max: boundText(q.max) };
}

export function fromSurvey(s: Survey): EditorValues {
  return {
    title: s.title,
    intro: s.intro,
    audience: s.audience,
    named: s.named,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    questions: s.questions.map(questionValues),
  };
}

/** '' is no bound; anything else is read as a number (NaN fails the schema with its own words). */
function boundOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** The values in the API's shape, for checking with its schema and sending. */
export function toSettings(v: EditorValues): SurveySettings {
  return {
    ...v,
    questions: v.questions.map((q) => ({ ...q, min: boundOf(q.min), max: boundOf(q.max) })),
  };
}

/**
 * Only what changed, so a survey that has opened isn't refused for "changing" settings that may
 * no longer change (whether it is named, its opening date) when they are sent as they were.
 */
export function changedFields(survey: Survey, settings: SurveySettings): UpdateSurvey {
  const changes: UpdateSurvey = {};
  if (settings.title !== survey.title) changes.title = settings.title;
  if (settings.intro !== survey.intro) changes.intro = settings.intro;
  if (settings.audience !== survey.audience) changes.audience = settings.audience;
  if (settings.named !== survey.named) changes.named = settings.named;
  if (settings.opensOn !== survey.opensOn) changes.opensOn = settings.opensOn;
  if (settings.closesOn !== survey.closesOn) changes.closesOn = settings.closesOn;
  if (!sameQuestions(settings.questions, survey.questions)) changes.questions = settings.questions;
  return changes;
}

const QUESTION_FIELDS = ['id', 'section', 'kind', 'text', 'help', 'required', 'audience', 'min', 'max'] as const;

/** Field by field, so the order of keys in either object doesn't matter. */
function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  return (
    a.length === b.length &&
    a.every((q, i) => {
      const r = b[i];
      return (
        r !== undefined &&
        QUESTION_FIELDS.every((f) => q[f] === r[f]) &&
        q.options.length === r.options.length &&
        q.options.every((o, j) => o === r.options[j])
      );
    })
  );
}

/** Whether the form holds changes not saved yet, compared as they would be saved (trimmed). */
export function isDirty(survey: Survey, values: EditorValues): boolean {
  const settings = toSettings(values);
  const parsed = surveySettingsSchema.safeParse(settings);
  return Object.keys(changedFields(survey, parsed.success ? parsed.data : settings)).length > 0;
}

/** A new question's id: short and unique in the survey (questions are only added before anyone answers). */
export function newQuestionId(existing: readonly { id: string }[]): string {
  const taken = new Set(existing.map((q) => q.id));
  let n = existing.length + 1;
  while (taken.has(`question-${n}`)) n += 1;
  return `question-${n}`;
}

/** A new question under the same heading as the last one, as a 1–5 scale (the most common kind). */
export function newQuestion(existing: readonly QuestionValues[]): QuestionValues {
  return {
    id: newQuestionId(existing),
    section: existing.at(-1)?.section ?? '',
    kind: 'likert',
    text: '',
    help: '',
    required: false,
    audience: 'both',
    options: [...DEFAULT_SCALE_LABELS],
    min: '',
    max: '',
  };
}

const isChoice = (k: QuestionKind) => k === 'single' || k === 'multiple';

/** The question as another kind: the options and bounds that kind needs, keeping what still fits. */
export function withKind(q: QuestionValues, kind: QuestionKind): QuestionValues {
  let options: string[] = [];
  if (kind === 'likert') options = q.kind === 'likert' ? q.options : [...DEFAULT_SCALE_LABELS];
  if (isChoice(kind)) options = isChoice(q.kind) ? q.options : ['', ''];
  const number = kind === 'number';
  return { ...q, kind, options, min: number ? q.min : '', max: number ? q.max : '' };
}

/** The list with the item at `index` moved one place; the same list when it can't move. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Problems by their whole path ("questions.2.options.1"), the first one for each. */
export function errorsByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** Checks the builder's own rules (the server checks them too), by path. */
export function builderProblems(v: EditorValues): Record<string, string> {
  const problems: Record<string, string> = {};
  v.questions.forEach((q, i) => {
    if (q.kind === 'likert' && q.options.length !== LIKERT_POINTS.length) {
      problems[`questions.${i}.options`] = 'A 1–5 scale needs a label for each of its five points.';
    }
    if (isChoice(q.kind) && q.options.length < 2) problems[`questions.${i}.options`] = 'Offer at least two choices.';
    if (isChoice(q.kind) && new Set(q.options.map((o) => o.trim())).size !== q.options.length) {
      problems[`questions.${i}.options`] ??= 'Each choice must be different.';
    }
    const min = boundOf(q.min);
    const max = boundOf(q.max);
    if (min !== null && max !== null && Number.isFinite(min) && Number.isFinite(max) && min > max) {
      problems[`questions.${i}.max`] = 'The largest value must not be below the smallest.';
    }
  });
  if (v.closesOn && v.opensOn && v.closesOn < v.opensOn) problems.closesOn = 'The survey must close on or after the day it opens.';
  return problems;
}
