import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { PeriodDates } from '../../../../src/shared/api/periods.ts';
import { createPeriodBodySchema } from '../../../../src/shared/api/periods.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { DATE_FIELDS, DATE_ORDER_RULE, dateOrderProblems } from './period-dates.ts';

export type PeriodFormValues = PeriodDates & { name: string };

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
}

export function PeriodForm({ initial, submitLabel, busy, error, onSubmit, resetOnSuccess, label }: PeriodFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const ruleId = useId();
  const [values, setValues] = useState<PeriodFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (key: keyof PeriodFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(createPeriodBodySchema, values);
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    for (const [key, message] of Object.entries(dateOrderProblems(values))) {
      if (!next[key]) next[key] = message;
    }
    if (!checked.ok || Object.keys(next).length > 0) {
      setErrors(next);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(checked.data).then(
      () => {
        if (resetOnSuccess) setValues(initial);
      },
      (err: unknown) => {
        if (isApiError(err)) setErrors(err.fieldErrors());
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={label}>
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
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
