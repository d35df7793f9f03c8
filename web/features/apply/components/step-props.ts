import type { ApplicationRole } from '../../../../src/shared/application-vocabulary.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { ApplyForm } from '../api/get-apply-form.ts';
import type { AnswersDraft } from './answers-draft.ts';

/** What every step of the application form is given. */
export interface StepProps {
  form: ApplyForm;
  draft: AnswersDraft;
  /** A setter for one answer. */
  set: <K extends keyof AnswersDraft>(key: K) => (value: AnswersDraft[K]) => void;
  role: ApplicationRole | '';
  errors: FieldErrors;
}

export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;
