import type { ReactNode } from 'react';
import {
  CAREER_STAGES,
  CAREER_STAGE_LABELS,
  WORKPLACE_TYPES,
  WORKPLACE_TYPE_LABELS,
} from '../../../../src/shared/application-vocabulary.ts';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import type { AnswersDraft } from './answers-draft.ts';
import type { StepProps } from './step-props.ts';

const WORKPLACE_OPTIONS = [
  { value: '', label: 'Choose one' },
  ...WORKPLACE_TYPES.map((w) => ({ value: w, label: WORKPLACE_TYPE_LABELS[w] })),
];
const STAGE_OPTIONS = [{ value: '', label: 'Choose one' }, ...CAREER_STAGES.map((s) => ({ value: s, label: CAREER_STAGE_LABELS[s] }))];

/** Step 1: the period and role (`choices`), the newcomer's account (`account`) and their work. */
export function StepAboutYou({ draft, set, errors, choices, account }: StepProps & { choices: ReactNode; account: ReactNode }) {
  return (
    <>
      {choices}
      {account}
      <Card title="Your work" level={3}>
        <div className="form">
          <div className="form-row">
            <TextField
              label="Job title"
              autoComplete="organization-title"
              value={draft.jobTitle}
              onChange={set('jobTitle')}
              error={errors.jobTitle}
              maxLength={200}
              hint="Leave it empty if you’re a student or between jobs."
            />
            <TextField
              label="Employer"
              autoComplete="organization"
              value={draft.employer}
              onChange={set('employer')}
              error={errors.employer}
              maxLength={200}
              hint="We won’t pair you with someone from the same place."
            />
          </div>
          <div className="form-row">
            <SelectField
              label="Kind of workplace"
              required
              value={draft.workplaceType}
              options={WORKPLACE_OPTIONS}
              onChange={(v) => set('workplaceType')(v as AnswersDraft['workplaceType'])}
              error={errors.workplaceType}
            />
            <SelectField
              label="Where you are in your career"
              required
              value={draft.careerStage}
              options={STAGE_OPTIONS}
              onChange={(v) => set('careerStage')(v as AnswersDraft['careerStage'])}
              error={errors.careerStage}
            />
            <TextField
              label="Years of experience in the field"
              type="number"
              inputMode="numeric"
              min={0}
              max={70}
              required
              value={draft.yearsExperience}
              onChange={set('yearsExperience')}
              error={errors.yearsExperience}
              hint="Paid or volunteer. 0 is fine."
            />
          </div>
        </div>
      </Card>
    </>
  );
}
