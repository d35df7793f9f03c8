import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ROLE_LABELS } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { NewPasswordField, RepeatPasswordField } from '../../../components/ui/password-fields.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { changePasswordInputSchema, useChangePassword } from '../api/change-password.ts';
import { useMe } from '../../../lib/reads/me.ts';

function ChangePasswordForm() {
  const change = useChangePassword();
  const { ref, errors, setErrors, showErrors, showServerErrors } = useCheckedForm();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(changePasswordInputSchema, { currentPassword, newPassword });
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!next.newPassword && newPassword !== confirm) next.confirm = 'The two new passwords don’t match.';
    if (!checked.ok || Object.keys(next).length > 0) {
      showErrors(next);
      return;
    }
    setErrors({});
    change.mutate(checked.data, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setConfirm('');
      },
      onError: showServerErrors,
    });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
      {change.isSuccess ? <Alert tone="success">Your password has been changed.</Alert> : null}
      {change.isError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
      <TextField
        label="Current password"
        type="password"
        required
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
      />
      <NewPasswordField label="New password" value={newPassword} onChange={setNewPassword} error={errors.newPassword} />
      <RepeatPasswordField value={confirm} onChange={setConfirm} error={errors.confirm} />
      <FormActions submitLabel="Change password" busy={change.isPending} />
    </form>
  );
}

/** The signed-in person's details and password; `children` are other features' personal settings (the calendar feed). */
export function AccountPage({ children }: { children?: ReactNode }) {
  const { data: me } = useMe();
  return (
    <Page title="Your account">
      {me ? (
        <Card title="Your details">
          <dl className="dl">
            <dt>Name</dt>
            <dd>{me.name}</dd>
            <dt>E-mail address</dt>
            <dd>{me.email}</dd>
            <dt>Roles</dt>
            <dd>
              <span className="badges">
                {me.roles.map((r) => (
                  <Badge key={r}>{ROLE_LABELS[r]}</Badge>
                ))}
              </span>
            </dd>
          </dl>
          <p className="muted small">To change your name, e-mail address or roles, please contact your program office.</p>
        </Card>
      ) : null}
      <Card title="Change your password">
        <ChangePasswordForm />
      </Card>
      {children}
    </Page>
  );
}
