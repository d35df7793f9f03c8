import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { NewPasswordField } from '../../../components/ui/password-fields.tsx';
import { TimeZoneField } from '../../../components/ui/time-zone-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { completeSetupInputSchema, useCompleteSetup } from '../api/complete-setup.ts';
import { browserTimeZone } from '../../../lib/time-zones.ts';

export function SetupPage() {
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const { ref, errors, check, showErrors } = useCheckedForm();
  const [programName, setProgramName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(completeSetupInputSchema, { programName, timeZone, name, email, password });
    if (!input) return;
    setup.mutate(input, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (error) => isApiError(error) && showErrors(error.fieldErrors()),
    });
  };

  return (
    <Page
      title="Set up your mentoring program"
      intro={
        <p>
          Welcome to Tandem. This takes a minute: name your program, pick its time zone and create the first staff account. You can change
          the program details later in Settings.
        </p>
      }
    >
      <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
        {setup.isError ? (
          <Alert tone="error" title="We couldn’t finish setting up.">
            {errorMessage(setup.error)}
          </Alert>
        ) : null}
        <Card title="Your program">
          <div className="form">
            <TextField
              label="Program name"
              required
              value={programName}
              onChange={setProgramName}
              error={errors.programName}
              hint="Shown at the top of every page and in e-mails, e.g. “Early Career Mentoring Program”."
              maxLength={200}
            />
            <TimeZoneField
              value={timeZone}
              onChange={setTimeZone}
              error={errors.timeZone}
              hint="Deadlines and program dates are counted in this time zone."
            />
          </div>
        </Card>
        <Card title="Your staff account">
          <div className="form">
            <p className="muted">This is the first program-office account. You can invite colleagues once you’re in.</p>
            <TextField label="Your name" required autoComplete="name" value={name} onChange={setName} error={errors.name} maxLength={120} />
            <TextField
              label="E-mail address"
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={setEmail}
              error={errors.email}
            />
            <NewPasswordField label="Password" value={password} onChange={setPassword} error={errors.password} />
          </div>
        </Card>
        <FormActions submitLabel="Create program" busy={setup.isPending} />
      </form>
    </Page>
  );
}
