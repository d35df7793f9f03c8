import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { extendSurveyBodySchema, useExtendSurvey } from '../api/extend-survey.ts';

/** Gives people more time: a later closing date for an open survey. */
export function ExtendForm({ survey }: { survey: Survey }) {
  const extend = useExtendSurvey();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [closesOn, setClosesOn] = useState(survey.closesOn);
  const [done, setDone] = useState('');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone('');
    const input = check(extendSurveyBodySchema, { closesOn });
    if (!input) return;
    extend.mutate(
      { id: survey.id, closesOn: input.closesOn },
      {
        onSuccess: (s) => setDone(`It now closes on ${formatDate(s.closesOn)}.`),
        onError: showServerErrors,
      },
    );
  };

  const fieldError = errors.closesOn;
  return (
    <Card title="Give more time">
      <form ref={ref} className="form" noValidate onSubmit={submit} aria-label="Give more time">
        <p className="muted">
          It closes on {formatDate(survey.closesOn)}. Choose a later day to let more people answer
          {survey.kind === 'wrap-up' ? `, up to ${formatDate(survey.window.closesOn)}, the end of the period’s survey window` : ''}.
        </p>
        {extend.isError && !(isApiError(extend.error) && extend.error.fieldErrors().closesOn) ? (
          <Alert tone="error">{errorMessage(extend.error)}</Alert>
        ) : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
        <div className="form-row">
          <TextField label="New closing date" type="date" required value={closesOn} onChange={setClosesOn} error={fieldError} />
        </div>
        <FormActions submitLabel="Give more time" busy={extend.isPending} small />
      </form>
    </Card>
  );
}
