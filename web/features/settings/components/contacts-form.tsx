import { useState } from 'react';
import type { FormEvent } from 'react';
import { contactSchema } from '../../../../src/shared/api/settings.ts';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

type Contact = Settings['goalSheetContact'];

/** Both fields empty → no contact; otherwise both must be valid. */
function checkContact(prefix: string, name: string, email: string, errors: FieldErrors): Contact | undefined {
  if (name.trim() === '' && email.trim() === '') return null;
  const checked = validate(contactSchema, { name, email });
  if (checked.ok) return checked.data;
  if (checked.errors.name)
    errors[`${prefix}Name`] = name.trim() === '' ? 'Add a name, or clear the e-mail address too.' : checked.errors.name;
  if (checked.errors.email)
    errors[`${prefix}Email`] = email.trim() === '' ? 'Add an e-mail address, or clear the name too.' : checked.errors.email;
  return undefined;
}

interface ContactDraft {
  name: string;
  email: string;
}

const draftOf = (contact: Contact): ContactDraft => ({ name: contact?.name ?? '', email: contact?.email ?? '' });

interface ContactFieldsProps {
  legend: string;
  hint: string;
  value: ContactDraft;
  onChange: (value: ContactDraft) => void;
  errors: { name: string | undefined; email: string | undefined };
}

/** One contact: a name and an e-mail address, both given or both left empty. */
function ContactFields({ legend, hint, value, onChange, errors }: ContactFieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      <p className="field__hint">{hint}</p>
      <div className="form-row">
        <TextField
          label="Name"
          value={value.name}
          onChange={(name) => onChange({ ...value, name })}
          error={errors.name}
          autoComplete="off"
          maxLength={120}
        />
        <TextField
          label="E-mail address"
          type="email"
          value={value.email}
          onChange={(email) => onChange({ ...value, email })}
          error={errors.email}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}

export function ContactsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, setErrors, showErrors } = useCheckedForm();
  const [goal, setGoal] = useState(() => draftOf(settings.goalSheetContact));
  const [training, setTraining] = useState(() => draftOf(settings.trainingContact));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const next: FieldErrors = {};
    const goalSheetContact = checkContact('goal', goal.name, goal.email, next);
    const trainingContact = checkContact('training', training.name, training.email, next);
    if (goalSheetContact === undefined || trainingContact === undefined) {
      showErrors(next);
      return;
    }
    setErrors({});
    update.mutate({ goalSheetContact, trainingContact });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Contacts">
      <SaveStatus saved={update.isSuccess} error={update.error} what="contacts" />
      <ContactFields
        legend="Goal sheet questions"
        hint="Pairs send their goal sheets to, and ask about them, this person."
        value={goal}
        onChange={setGoal}
        errors={{ name: errors.goalName, email: errors.goalEmail }}
      />
      <ContactFields
        legend="Training questions"
        hint="Mentors and mentees contact this person about forums, trainings and webinars."
        value={training}
        onChange={setTraining}
        errors={{ name: errors.trainingName, email: errors.trainingEmail }}
      />
      <p className="muted small">Leave both fields of a contact empty if you don’t want to name anyone yet.</p>
      <FormActions submitLabel="Save contacts" busy={update.isPending} />
    </form>
  );
}
