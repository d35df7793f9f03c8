import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { NewPasswordField, RepeatPasswordField } from '../../../components/ui/password-fields.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
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
  const { ref, errors, setErrors, showErrors, showServerErrors } = useCheckedForm();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
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
      showErrors(next);
      return;
    }
    setErrors({});
    reset.mutate(checked.data, {
      onSuccess: () => void navigate('/sign-in', { replace: true, state: { passwordReset: true } }),
      onError: showServerErrors,
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
        <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
          {errors._form ? <Alert tone="error">{errors._form}</Alert> : null}
          <NewPasswordField label="New password" value={password} onChange={setPassword} error={errors.password} />
          <RepeatPasswordField value={confirm} onChange={setConfirm} error={errors.confirm} />
          <FormActions submitLabel="Save new password" busy={reset.isPending} />
        </form>
      </div>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
