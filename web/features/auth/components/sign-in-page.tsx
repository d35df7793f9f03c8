import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { signInInputSchema, useSignIn } from '../api/sign-in.ts';
import { safeNextPath } from './safe-next-path.ts';

function signInFailure(error: unknown): string {
  if (isApiError(error) && error.code === 'INVALID_CREDENTIALS') {
    return 'That e-mail address and password don’t match an account. Check them and try again, or reset your password.';
  }
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
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const notice = (location.state as { signedOut?: boolean; passwordReset?: boolean } | null) ?? null;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(signInInputSchema, { email, password });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    signIn.mutate(checked.data, {
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
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
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
          <div className="form-actions">
            <Button type="submit" busy={signIn.isPending}>
              Sign in
            </Button>
            <Link to="/forgot-password">Forgot your password?</Link>
          </div>
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
