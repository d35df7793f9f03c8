import type { FieldErrors } from '../../../lib/validate.ts';
import { answerErrorKey } from './answers-draft.ts';

/** The application's steps, in order; the last one reviews everything before it is sent. */
export const STEPS = [
  { id: 'about', title: 'About you' },
  { id: 'where', title: 'Where and how' },
  { id: 'goals', title: 'Goals and interests' },
  { id: 'review', title: 'Review and send' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

/** Which step asks for each answer (by its error key; see answerErrorKey). */
const FIELDS: Record<Exclude<StepId, 'review'>, readonly string[]> = {
  about: ['periodId', 'role', 'name', 'email', 'password', 'jobTitle', 'employer', 'workplaceType', 'careerStage', 'yearsExperience'],
  where: ['region', 'timeZone', 'meetInPerson', 'channels', 'languages', 'phone'],
  goals: ['programGoalIds', 'interests', 'hopes', 'capacity', 'eligibilityAnswers', 'confidential'],
};

/** The index of the step that asks for the answer an error key belongs to; the review step for anything else. */
export function stepOfError(key: string): number {
  const field = answerErrorKey(key).split('.')[0] ?? '';
  const index = STEPS.findIndex((s) => s.id !== 'review' && FIELDS[s.id].includes(field));
  return index === -1 ? STEPS.length - 1 : index;
}

/** The errors that belong to one step. */
export function errorsForStep(errors: FieldErrors, step: number): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => stepOfError(key) === step));
}

/** The first step with an error, or null when there is none. */
export function firstStepWithErrors(errors: FieldErrors): number | null {
  const steps = Object.keys(errors).map(stepOfError);
  return steps.length === 0 ? null : Math.min(...steps);
}

/** A stored step number made safe: within the steps, and never past the first step with a problem. */
export function resumeStep(stored: number, errors: FieldErrors): number {
  const within = Math.min(Math.max(0, Math.trunc(stored)), STEPS.length - 1);
  const blocked = firstStepWithErrors(errors);
  return blocked === null ? within : Math.min(within, blocked);
}
