import { useState } from 'react';
import type { FormEvent } from 'react';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { ItemFormShell } from '../../../components/ui/item-form.tsx';
import type { ItemFormProps } from '../../../components/ui/item-form.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { createActivityInputSchema } from '../api/create-activity.ts';
import type { CreateActivityInput } from '../api/create-activity.ts';
import type { ProgramGoal } from '../../../lib/reads/program-goals.ts';

interface ActivityFormProps extends ItemFormProps<CreateActivityInput> {
  goals: ProgramGoal[];
}

const EMPTY: CreateActivityInput = { title: '', description: '', programGoalIds: [] };

/** Title, description and the program goals an activity serves: for adding and for editing. */
export function ActivityForm({ initial = EMPTY, goals, onSubmit, clearWhenSaved, ...shell }: ActivityFormProps) {
  const { ref, check, errorsWith } = useCheckedForm();
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [goalIds, setGoalIds] = useState(initial.programGoalIds.map(String));

  // Retired goals are offered only where the activity already serves them, so they can be unticked.
  const options = goals
    .filter((g) => !g.retired || initial.programGoalIds.includes(g.id))
    .map((g) => ({ value: String(g.id), label: g.retired ? `${g.title} (retired)` : g.title }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(createActivityInputSchema, { title, description, programGoalIds: goalIds.map(Number) });
    if (!input) return;
    onSubmit(input, () => {
      if (clearWhenSaved) {
        setTitle('');
        setDescription('');
        setGoalIds([]);
      }
    });
  };
  const shown = errorsWith(shell.error);

  return (
    <ItemFormShell formRef={ref} onSubmit={submit} {...shell}>
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
    </ItemFormShell>
  );
}
