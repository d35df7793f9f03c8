import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Role } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
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
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(person.name);
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [active, setActive] = useState(!person.disabled);
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(updateUserInputSchema, { name, roles, disabled: !active });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    update.mutate(
      { id: person.id, changes: checked.data },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (isApiError(error)) setErrors(error.fieldErrors());
        },
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={`Edit ${person.name}`}>
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      <TextField label="Name" required value={name} onChange={setName} error={errors.name} maxLength={120} autoFocus />
      <CheckboxGroup legend="Roles" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.roles} />
      <Checkbox
        label="Can sign in"
        checked={active}
        onChange={setActive}
        hint="Untick to turn this account off. Their history stays; they just can’t sign in until you turn it back on."
      />
      <div className="form-actions">
        <Button type="submit" small busy={update.isPending}>
          Save changes
        </Button>
        <Button variant="secondary" small onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
