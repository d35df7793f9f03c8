import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Role } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import type { User } from '../api/get-users.ts';
import { updateUserInputSchema, useUpdateUser } from '../api/update-user.ts';
import { ROLE_OPTIONS } from './role-options.ts';

interface PersonEditorProps {
  person: User;
  onDone: (saved: boolean) => void;
}

/** Edit one person's name, roles and whether they can sign in. */
export function PersonEditor({ person, onDone }: PersonEditorProps) {
  const update = useUpdateUser();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [name, setName] = useState(person.name);
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [active, setActive] = useState(!person.disabled);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const changes = check(updateUserInputSchema, { name, roles, disabled: !active });
    if (!changes) return;
    update.mutate({ id: person.id, changes }, { onSuccess: () => onDone(true), onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label={`Edit ${person.name}`}>
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      <TextField label="Name" required value={name} onChange={setName} error={errors.name} maxLength={120} autoFocus />
      <CheckboxGroup legend="Roles" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.roles} />
      <Checkbox
        label="Can sign in"
        checked={active}
        onChange={setActive}
        hint="Untick to turn this account off. Their history stays; they just can’t sign in until you turn it back on."
      />
      <FormActions submitLabel="Save changes" small busy={update.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}
