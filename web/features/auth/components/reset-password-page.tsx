import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { PASSWORD_HINT } from '../../../lib/password-rule.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { completePasswordResetInputSchema, useCompletePasswordReset } from '../api/complete-password-reset.ts';

function resetFailure(error: unknown): { message: string; linkDead: boolean } {
  if (isApiError(error)) {
    if (error.code === 'TOKEN_EXPIRED') return { message: 'This reset link has expired. Please ask for a new one.', linkDead: true };
    if (error.code === 'TOKEN_USED')
      return {
        message: 'This reset link has already been used. If you still need to change your password, ask for a new link.',
        linkDead: true,
      };
    if (error.status === 404)
      return { message: 'We don’t recognise this reset link. Please check you copied all of it, or ask for a new one.', linkDead: true };
  }
  return { message: errorMessage(error), linkDead: false };
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const reset = useCompletePasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const failure = reset.isError ? resetFailure(reset.error) : null;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(completePasswordResetInputSchema, { token, password });
    const next: FieldErrors = {};
    if (!checked.ok) {
      if (checked.errors.password) next.password = checked.errors.password;
      if (checked.errors.token)
        next._form = 'This reset link looks incomplete. Please open it again from your e-mail, or ask for a new one.';
    }
    if (!next.password && password !== confirm) next.confirm = 'The two passwords don’t match.';
    if (!checked.ok || Object.keys(next).length > 0) {
      setErrors(next);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    reset.mutate(checked.data, {
      onSuccess: () => void navigate('/sign-in', { replace: true, state: { passwordReset: true } }),
      onError: (error) => {
        if (isApiError(error)) setErrors(error.fieldErrors());
      },
    });
  };

  return (
    <Page title="Choose a new password">
      {failure ? (
        <Alert tone="error">
          <p>{failure.message}</p>
          {failure.linkDead ? (
            <p>
              <Link to="/forgot-password">Ask for a new reset link</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <div className="card">
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          {errors._form ? <Alert tone="error">{errors._form}</Alert> : null}
          <TextField
            label="New password"
            type="password"
            required
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            hint={PASSWORD_HINT}
          />
          <TextField
            label="New password again"
            type="password"
            required
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={errors.confirm}
          />
          <div className="form-actions">
            <Button type="submit" busy={reset.isPending}>
              Save new password
            </Button>
          </div>
        </form>
      </div>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
