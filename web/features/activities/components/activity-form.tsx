import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { createActivityInputSchema } from '../api/create-activity.ts';
import type { CreateActivityInput } from '../api/create-activity.ts';
import type { ProgramGoal } from '../../../lib/reads/program-goals.ts';

interface ActivityFormProps {
  /** The form's accessible name, or the id of a heading that names it. */
  label?: string;
  labelledBy?: string;
  heading?: ReactNode;
  initial?: CreateActivityInput;
  goals: ProgramGoal[];
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: CreateActivityInput, saved: () => void) => void;
  onCancel?: () => void;
  /** Empty the fields once saved, ready for the next one (the add form). */
  clearWhenSaved?: boolean;
}

const EMPTY: CreateActivityInput = { title: '', description: '', programGoalIds: [] };

/** Title, description and the program goals an activity serves: for adding and for editing. */
export function ActivityForm({
  label,
  labelledBy,
  heading,
  initial = EMPTY,
  goals,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  clearWhenSaved,
}: ActivityFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [goalIds, setGoalIds] = useState(initial.programGoalIds.map(String));
  const [errors, setErrors] = useState<FieldErrors>({});

  // Retired goals are offered only where the activity already serves them, so they can be unticked.
  const options = goals
    .filter((g) => !g.retired || initial.programGoalIds.includes(g.id))
    .map((g) => ({ value: String(g.id), label: g.retired ? `${g.title} (retired)` : g.title }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(createActivityInputSchema, { title, description, programGoalIds: goalIds.map(Number) });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(checked.data, () => {
      if (clearWhenSaved) {
        setTitle('');
        setDescription('');
        setGoalIds([]);
      }
    });
  };

  const serverErrors = isApiError(error) ? error.fieldErrors() : {};
  const shown = { ...serverErrors, ...errors };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={label} aria-labelledby={labelledBy}>
      {heading}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <TextField
        label="Title"
        required
        value={title}
        onChange={setTitle}
        error={shown.title}
        maxLength={200}
        hint="A short name, such as “Mock interview with written feedback”."
      />
      <TextareaField
        label="Description"
        rows={3}
        value={description}
        onChange={setDescription}
        error={shown.description}
        maxLength={2000}
        hint="Optional. A sentence or two on what the pair does."
      />
      <CheckboxGroup
        legend="Program goals"
        options={options}
        value={goalIds}
        onChange={setGoalIds}
        error={shown.programGoalIds}
        hint="The goals this activity helps with. Pairs see it suggested for those goals."
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
