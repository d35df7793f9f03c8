import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { requestPasswordResetInputSchema, useRequestPasswordReset } from '../api/request-password-reset.ts';

export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const { ref, errors, check } = useCheckedForm();
  const [email, setEmail] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(requestPasswordResetInputSchema, { email });
    if (!input) return;
    request.mutate(input);
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
          <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
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
            <FormActions submitLabel="Send reset link" busy={request.isPending} />
          </form>
        </div>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
