import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { createInvitationInputSchema, useCreateInvitation } from '../api/create-invitation.ts';
import { ROLE_OPTIONS } from './role-options.ts';

export function InviteForm() {
  const create = useCreateInvitation();
  const { ref, errors, check, showErrors } = useCheckedForm();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSentTo(null);
    const input = check(createInvitationInputSchema, { email, name, roles });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        setEmail('');
        setName('');
        setRoles([]);
      },
      onError: (error) => isApiError(error) && showErrors(error.fieldErrors()),
    });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Invite someone">
      {sentTo ? (
        <Alert tone="success">
          Invitation sent to <strong>{sentTo}</strong>. <Link to={`/outbox?q=${encodeURIComponent(sentTo)}`}>See the e-mail we sent</Link>.
        </Alert>
      ) : null}
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <div className="form-row">
        <TextField label="E-mail address" type="email" required autoComplete="off" value={email} onChange={setEmail} error={errors.email} />
        <TextField
          label="Name"
          required
          autoComplete="off"
          value={name}
          onChange={setName}
          error={errors.name}
          hint="They can correct it when they sign up."
          maxLength={120}
        />
      </div>
      <CheckboxGroup
        legend="Roles"
        required
        options={ROLE_OPTIONS}
        value={roles}
        onChange={setRoles}
        error={errors.roles}
        hint="Pick every role this person will have. You can change them later."
      />
      <FormActions submitLabel="Send invitation" busy={create.isPending} />
    </form>
  );
}
