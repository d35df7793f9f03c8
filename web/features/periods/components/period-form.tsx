import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { PeriodDates } from '../../../../src/shared/api/periods.ts';
import { createPeriodBodySchema } from '../../../../src/shared/api/periods.ts';
import { MATCHING_MODES, MATCHING_MODE_LABELS } from '../../../../src/shared/matching-modes.ts';
import type { MatchingMode } from '../../../../src/shared/matching-modes.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { DATE_FIELDS, DATE_ORDER_RULE, dateOrderProblems } from './period-dates.ts';

export type PeriodFormValues = PeriodDates & { name: string; matchingMode: MatchingMode };

const MODE_OPTIONS = MATCHING_MODES.map((m) => ({ value: m, label: MATCHING_MODE_LABELS[m] }));
const isMode = (value: string): value is MatchingMode => MATCHING_MODES.some((m) => m === value);

export const MATCHING_MODE_HINTS: Record<MatchingMode, string> = {
  committee: 'The committee runs the matcher and approves each pair, as before.',
  participant_choice:
    'Once accepted, mentees see the mentors who fit them, with why, and ask one; a mentor who accepts is matched at once.',
  hybrid: 'Mentees mark the suggested mentors they would like, in order; the committee’s run counts those wishes, and it approves.',
};

interface PeriodFormProps {
  initial: PeriodFormValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  /** Return a promise that rejects with the API error, so field details can be shown. */
  onSubmit: (values: PeriodFormValues) => Promise<unknown>;
  /** Clear the form after a successful save (for the "new period" form). */
  resetOnSuccess?: boolean;
  label: string;
  /** Why the way pairs are made can no longer change (the period is under way), or null. */
  modeLocked?: string | null;
}

export function PeriodForm({ initial, submitLabel, busy, error, onSubmit, resetOnSuccess, label, modeLocked = null }: PeriodFormProps) {
  const { ref, errors, setErrors, showErrors, showServerErrors } = useCheckedForm();
  const ruleId = useId();
  const [values, setValues] = useState<PeriodFormValues>(initial);

  const set = (key: keyof PeriodDates | 'name') => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(createPeriodBodySchema, values);
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    for (const [key, message] of Object.entries(dateOrderProblems(values))) {
      if (!next[key]) next[key] = message;
    }
    if (!checked.ok || Object.keys(next).length > 0) {
      showErrors(next);
      return;
    }
    setErrors({});
    onSubmit({ ...checked.data, matchingMode: checked.data.matchingMode ?? values.matchingMode }).then(() => {
      if (resetOnSuccess) setValues(initial);
    }, showServerErrors);
  };

  return (
    <form ref={ref} className="form" onSubmit={handleSubmit} noValidate aria-label={label}>
      {error ? (
        <Alert tone="error" title="We couldn’t save this period.">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <TextField
        label="Name"
        required
        value={values.name}
        onChange={set('name')}
        error={errors.name}
        maxLength={100}
        hint="For example “2026–27” or “Spring 2027 intake”."
        autoComplete="off"
      />
      <SelectField
        label="How pairs are made"
        value={values.matchingMode}
        options={MODE_OPTIONS}
        onChange={(value) => {
          if (isMode(value)) setValues((v) => ({ ...v, matchingMode: value }));
        }}
        error={errors.matchingMode}
        disabled={modeLocked !== null}
        hint={modeLocked ?? MATCHING_MODE_HINTS[values.matchingMode]}
      />
      <fieldset className="fieldset" aria-describedby={ruleId}>
        <legend className="fieldset__legend">Dates</legend>
        <p className="field__hint" id={ruleId}>
          {DATE_ORDER_RULE}
        </p>
        <div className="form-row">
          {DATE_FIELDS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              type="date"
              required
              value={values[f.key]}
              onChange={set(f.key)}
              error={errors[f.key]}
              hint={f.hint}
            />
          ))}
        </div>
      </fieldset>
      <FormActions submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
