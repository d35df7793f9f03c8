import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { signInInputSchema, useSignIn } from '../api/sign-in.ts';
import { safeNextPath } from './safe-next-path.ts';

function signInFailure(error: unknown): string {
  if (isApiError(error) && error.code === 'INVALID_CREDENTIALS') {
    return 'That e-mail address and password don’t match an account. Check them and try again, or reset your password.';
  }
  // The shared sign-in budget says how long to wait (decision 0021).
  if (isApiError(error) && error.code === 'TOO_MANY_ATTEMPTS') return errorMessage(error);
  if (isApiError(error) && error.status === 429) {
    return 'Too many sign-in attempts. For your security, please wait a few minutes before trying again.';
  }
  return errorMessage(error);
}

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const { ref, errors, check } = useCheckedForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const notice = (location.state as { signedOut?: boolean; passwordReset?: boolean } | null) ?? null;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(signInInputSchema, { email, password });
    if (!input) return;
    signIn.mutate(input, {
      onSuccess: () => void navigate(safeNextPath(params.get('next')), { replace: true }),
    });
  };

  return (
    <Page title="Sign in">
      {notice?.signedOut && !signIn.isPending ? <Alert tone="success">You’ve signed out. See you next time.</Alert> : null}
      {notice?.passwordReset ? <Alert tone="success">Your password has been changed. Sign in with your new password.</Alert> : null}
      {params.get('next') ? (
        <Alert tone="info" announce={false}>
          Please sign in to continue.
        </Alert>
      ) : null}
      <div className="card">
        <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
          {signIn.isError ? <Alert tone="error">{signInFailure(signIn.error)}</Alert> : null}
          <TextField
            label="E-mail address"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={errors.email}
          />
          <TextField
            label="Password"
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <FormActions submitLabel="Sign in" busy={signIn.isPending}>
            <Link to="/forgot-password">Forgot your password?</Link>
          </FormActions>
        </form>
      </div>
      <p>
        New to the program? <Link to="/apply">Apply to be a mentor or mentee</Link>.
      </p>
      <p className="muted">
        Staff and committee accounts are created by invitation: look for an e-mail from your program office with a link to sign up.
      </p>
    </Page>
  );
}
