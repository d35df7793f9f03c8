import { applicationAnswersSchema } from '../../../../src/shared/api/applications.ts';
import type { Application, ApplicationAnswers } from '../../../../src/shared/api/applications.ts';
import type { ApplicationRole, CareerStage, WorkplaceTypeName } from '../../../../src/shared/application-vocabulary.ts';
import type { Channel } from '../../../../src/shared/channels.ts';
import type { FieldErrors } from '../../../lib/validate.ts';

/** The application form as typed: text stays text until it is sent. */
export interface AnswersDraft {
  phone: string;
  jobTitle: string;
  employer: string;
  workplaceType: WorkplaceTypeName | '';
  yearsExperience: string;
  careerStage: CareerStage | '';
  region: string;
  timeZone: string;
  interests: string;
  programGoalIds: number[];
  channels: Channel[];
  meetInPerson: 'yes' | 'no' | '';
  languages: string;
  hopes: string;
  eligibilityAnswers: Record<string, 'yes' | 'no'>;
  preferSameGender: boolean;
  gender: string;
  notes: string;
  capacity: string;
}

export function emptyDraft(timeZone: string): AnswersDraft {
  return {
    phone: '',
    jobTitle: '',
    employer: '',
    workplaceType: '',
    yearsExperience: '',
    careerStage: '',
    region: '',
    timeZone,
    interests: '',
    programGoalIds: [],
    channels: [],
    meetInPerson: '',
    languages: '',
    hopes: '',
    eligibilityAnswers: {},
    preferSameGender: false,
    gender: '',
    notes: '',
    capacity: '1',
  };
}

export function draftFromApplication(a: Application): AnswersDraft {
  const x = a.answers;
  return {
    phone: x.phone,
    jobTitle: x.jobTitle,
    employer: x.employer,
    workplaceType: x.workplaceType,
    yearsExperience: String(x.yearsExperience),
    careerStage: x.careerStage,
    region: x.region,
    timeZone: x.timeZone,
    interests: x.interests.join(', '),
    programGoalIds: x.programGoalIds,
    channels: x.channels,
    meetInPerson: x.meetInPerson ? 'yes' : 'no',
    languages: x.languages.join(', '),
    hopes: x.hopes,
    eligibilityAnswers: x.eligibilityAnswers,
    preferSameGender: a.confidential?.preferSameGender ?? false,
    gender: a.confidential?.gender ?? '',
    notes: a.confidential?.notes ?? '',
    capacity: String(x.capacity),
  };
}

/** "storytime, teen services;  STEM" → ['storytime', 'teen services', 'STEM']: commas, semicolons or new lines separate. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** '' stays NaN so the schema says "Enter a whole number." rather than sending 0. */
function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

/** The draft in the shape of the request body's `answers` (not yet checked). */
export function toAnswers(d: AnswersDraft, role: ApplicationRole | ''): Record<string, unknown> {
  return {
    phone: d.phone,
    jobTitle: d.jobTitle,
    employer: d.employer,
    workplaceType: d.workplaceType || undefined,
    yearsExperience: toNumber(d.yearsExperience),
    careerStage: d.careerStage || undefined,
    region: d.region,
    timeZone: d.timeZone,
    interests: splitList(d.interests),
    programGoalIds: d.programGoalIds,
    channels: d.channels,
    meetInPerson: d.meetInPerson === '' ? undefined : d.meetInPerson === 'yes',
    languages: splitList(d.languages),
    hopes: d.hopes,
    eligibilityAnswers: d.eligibilityAnswers,
    confidential: { preferSameGender: d.preferSameGender, gender: d.gender, notes: d.notes },
    capacity: role === 'mentor' ? toNumber(d.capacity) : 1,
  };
}

/**
 * Where an error belongs on the form, from a path like "answers.region", "answers.interests.2" or
 * "answers.confidential.notes" (the server's details) or the same without "answers." (zod's issues).
 */
export function answerErrorKey(path: string): string {
  const parts = path.replace(/^answers\./, '').split('.');
  const [first = '', second] = parts;
  if ((first === 'confidential' || first === 'eligibilityAnswers') && second) return `${first}.${second}`;
  return first;
}

/** Field errors keyed by answerErrorKey, first message wins. */
export function errorsFromPaths(details: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) {
    const key = answerErrorKey(d.path) || '_form';
    if (!(key in errors)) errors[key] = d.message;
  }
  return errors;
}

export type AnswersCheck = { ok: true; answers: ApplicationAnswers } | { ok: false; errors: FieldErrors };

/** Checks the answers with the server's own schema, plus an answer to every eligibility question that applies. */
export function checkAnswers(d: AnswersDraft, role: ApplicationRole | '', questionKeys: readonly string[]): AnswersCheck {
  const result = applicationAnswersSchema.safeParse(toAnswers(d, role));
  const errors = result.success ? {} : errorsFromPaths(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  if (d.meetInPerson === '') errors.meetInPerson = 'Choose yes or no.';
  for (const key of questionKeys) {
    if (!d.eligibilityAnswers[key]) errors[`eligibilityAnswers.${key}`] = 'Choose yes or no.';
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, answers: result.data };
  return { ok: false, errors };
}

/** What is kept between visits to a step of the form: the answers, never the password. */
export interface StoredDraft {
  answers: AnswersDraft;
  role: ApplicationRole | '';
  periodId: string;
  name: string;
  email: string;
  step: number;
}

const sameShape = (a: unknown, b: unknown): boolean =>
  Array.isArray(b)
    ? Array.isArray(a)
    : b !== null && typeof b === 'object'
      ? a !== null && typeof a === 'object' && !Array.isArray(a)
      : typeof a === typeof b;

/**
 * A stored draft read back defensively: anything missing or of the wrong type (an older version of
 * the form, a hand-edited value) falls back to `fresh`, field by field; nothing stored → null.
 */
export function readStoredDraft(raw: string | null, fresh: AnswersDraft): StoredDraft | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const p = parsed as Record<string, unknown>;
  const stored = (p.answers ?? {}) as Record<string, unknown>;
  const answers = { ...fresh };
  for (const key of Object.keys(fresh) as (keyof AnswersDraft)[]) {
    if (key in stored && sameShape(stored[key], fresh[key])) Object.assign(answers, { [key]: stored[key] });
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    answers,
    role: p.role === 'mentor' || p.role === 'mentee' ? p.role : '',
    periodId: text(p.periodId),
    name: text(p.name),
    email: text(p.email),
    step: typeof p.step === 'number' && Number.isInteger(p.step) && p.step >= 0 ? p.step : 0,
  };
}
