import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { PASSWORD_HINT } from '../../../lib/password-rule.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { completeSetupInputSchema, useCompleteSetup } from '../api/complete-setup.ts';
import { browserTimeZone, timeZoneOptions } from '../../../lib/time-zones.ts';

export function SetupPage() {
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const formRef = useRef<HTMLFormElement>(null);
  const [programName, setProgramName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(completeSetupInputSchema, { programName, timeZone, name, email, password });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setup.mutate(checked.data, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (error) => {
        if (isApiError(error)) {
          setErrors(error.fieldErrors());
          focusFirstInvalid(formRef.current);
        }
      },
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
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
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
            <SelectField
              label="Time zone"
              required
              value={timeZone}
              onChange={setTimeZone}
              options={zones}
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
            <TextField
              label="Password"
              type="password"
              required
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              hint={PASSWORD_HINT}
            />
          </div>
        </Card>
        <div className="form-actions">
          <Button type="submit" busy={setup.isPending}>
            Create program
          </Button>
        </div>
      </form>
    </Page>
  );
}
