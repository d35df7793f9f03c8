import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { requestPasswordResetInputSchema, useRequestPasswordReset } from '../api/request-password-reset.ts';

export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(requestPasswordResetInputSchema, { email });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    request.mutate(checked.data);
  };

  return (
    <Page
      title="Reset your password"
      intro={<p>Enter the e-mail address you use for the program and we’ll send you a link to choose a new password.</p>}
    >
      {request.isSuccess ? (
        <Alert tone="success" title="Check your inbox">
          <p>
            If an account uses <strong>{email}</strong>, a message with a reset link is on its way. The link works for a limited time and
            only once. If nothing arrives within a few minutes, check your spam folder or ask your program office for help.
          </p>
        </Alert>
      ) : (
        <div className="card">
          <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
            {request.isError ? <Alert tone="error">{errorMessage(request.error)}</Alert> : null}
            <TextField
              label="E-mail address"
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={setEmail}
              error={errors.email}
            />
            <div className="form-actions">
              <Button type="submit" busy={request.isPending}>
                Send reset link
              </Button>
            </div>
          </form>
        </div>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
