import { useState } from 'react';
import type { FormEvent } from 'react';
import { letterSignerSchema } from '../../../../src/shared/api/settings.ts';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

/** Who signs the mentors' recognition letters: a name and a title, both given or both left empty. */
export function LetterSignerForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, setErrors, showErrors } = useCheckedForm();
  const [name, setName] = useState(settings.letterSigner?.name ?? '');
  const [title, setTitle] = useState(settings.letterSigner?.title ?? '');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    if (name.trim() === '' && title.trim() === '') {
      setErrors({});
      update.mutate({ letterSigner: null });
      return;
    }
    const checked = validate(letterSignerSchema, { name, title });
    if (!checked.ok) {
      const next: FieldErrors = {};
      if (checked.errors.name) next.signerName = name.trim() === '' ? 'Add a name, or clear the title too.' : checked.errors.name;
      if (checked.errors.title) next.signerTitle = title.trim() === '' ? 'Add a title, or clear the name too.' : checked.errors.title;
      showErrors(next);
      return;
    }
    setErrors({});
    update.mutate({ letterSigner: checked.data });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Recognition letters">
      <SaveStatus saved={update.isSuccess} error={update.error} what="signer details" />
      <div className="form-row">
        <TextField
          label="Signed by"
          value={name}
          onChange={setName}
          error={errors.signerName}
          autoComplete="off"
          maxLength={120}
          hint="The person whose name closes every letter, for example the program coordinator."
        />
        <TextField
          label="Their title"
          value={title}
          onChange={setTitle}
          error={errors.signerTitle}
          autoComplete="off"
          maxLength={120}
          hint="Printed under the name, for example “Mentoring Program Coordinator”."
        />
      </div>
      <p className="muted small">Letters can be sent by e-mail only once someone is named here.</p>
      <FormActions submitLabel="Save letter signer" busy={update.isPending} />
    </form>
  );
}
