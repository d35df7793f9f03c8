import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { contactSchema } from '../../../../src/shared/api/settings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
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

export function ContactsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [goalName, setGoalName] = useState(settings.goalSheetContact?.name ?? '');
  const [goalEmail, setGoalEmail] = useState(settings.goalSheetContact?.email ?? '');
  const [trainingName, setTrainingName] = useState(settings.trainingContact?.name ?? '');
  const [trainingEmail, setTrainingEmail] = useState(settings.trainingContact?.email ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const next: FieldErrors = {};
    const goalSheetContact = checkContact('goal', goalName, goalEmail, next);
    const trainingContact = checkContact('training', trainingName, trainingEmail, next);
    if (goalSheetContact === undefined || trainingContact === undefined) {
      setErrors(next);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    update.mutate({ goalSheetContact, trainingContact });
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Contacts">
      <SaveStatus saved={update.isSuccess} error={update.error} what="contacts" />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Goal sheet questions</legend>
        <p className="field__hint">Pairs send their goal sheets to, and ask about them, this person.</p>
        <div className="form-row">
          <TextField label="Name" value={goalName} onChange={setGoalName} error={errors.goalName} autoComplete="off" maxLength={120} />
          <TextField
            label="E-mail address"
            type="email"
            value={goalEmail}
            onChange={setGoalEmail}
            error={errors.goalEmail}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Training questions</legend>
        <p className="field__hint">Mentors and mentees contact this person about forums, trainings and webinars.</p>
        <div className="form-row">
          <TextField
            label="Name"
            value={trainingName}
            onChange={setTrainingName}
            error={errors.trainingName}
            autoComplete="off"
            maxLength={120}
          />
          <TextField
            label="E-mail address"
            type="email"
            value={trainingEmail}
            onChange={setTrainingEmail}
            error={errors.trainingEmail}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <p className="muted small">Leave both fields of a contact empty if you don’t want to name anyone yet.</p>
      <div className="form-actions">
        <Button type="submit" busy={update.isPending}>
          Save contacts
        </Button>
      </div>
    </form>
  );
}
