import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { OrderedListEditor, RetireButton } from '../../../components/ui/ordered-list-editor.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { createProgramGoalInputSchema, useCreateProgramGoal } from '../api/create-program-goal.ts';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';
import type { ProgramGoal } from '../../../lib/reads/program-goals.ts';
import { useReorderProgramGoals } from '../api/reorder-program-goals.ts';
import { updateProgramGoalInputSchema, useUpdateProgramGoal } from '../api/update-program-goal.ts';

function GoalEditForm({ goal, onDone }: { goal: ProgramGoal; onDone: () => void }) {
  const update = useUpdateProgramGoal();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [title, setTitle] = useState(goal.title);
  const [description, setDescription] = useState(goal.description);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const changes = check(updateProgramGoalInputSchema, { title, description });
    if (!changes) return;
    update.mutate({ id: goal.id, changes }, { onSuccess: onDone, onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label={`Edit goal: ${goal.title}`}>
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      <TextField label="Goal" required value={title} onChange={setTitle} error={errors.title} maxLength={200} autoFocus />
      <TextareaField
        label="Description"
        rows={3}
        value={description}
        onChange={setDescription}
        error={errors.description}
        maxLength={1000}
      />
      <FormActions submitLabel="Save goal" small busy={update.isPending} onCancel={onDone} />
    </form>
  );
}

function AddGoalForm({ onAdded }: { onAdded: (title: string) => void }) {
  const create = useCreateProgramGoal();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(createProgramGoalInputSchema, { title, description });
    if (!input) return;
    create.mutate(input, {
      onSuccess: () => {
        onAdded(input.title);
        setTitle('');
        setDescription('');
      },
      onError: showServerErrors,
    });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-labelledby="add-goal-heading">
      <h3 id="add-goal-heading">Add a goal</h3>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <TextField
        label="Goal"
        required
        value={title}
        onChange={setTitle}
        error={errors.title}
        maxLength={200}
        hint="A short phrase, e.g. “Grow confidence in leading projects”."
      />
      <TextareaField
        label="Description"
        rows={2}
        value={description}
        onChange={setDescription}
        error={errors.description}
        maxLength={1000}
        hint="Optional. A sentence or two that helps pairs see what this goal covers."
      />
      <FormActions submitLabel="Add goal" busy={create.isPending} />
    </form>
  );
}

/** Staff add, word, order, retire and restore the program's goals. Goals are never deleted. */
export function ProgramGoalsEditor() {
  const goals = useProgramGoals();
  const reorder = useReorderProgramGoals();
  const update = useUpdateProgramGoal();
  const [announcement, setAnnouncement] = useState('');

  if (goals.isPending) return <Loading label="Loading program goals…" />;
  if (goals.isError) return <LoadError error={goals.error} what="the program goals" onRetry={() => void goals.refetch()} />;
  const list = goals.data;

  return (
    <div className="stack">
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <OrderedListEditor
        items={list}
        idPrefix="goal"
        itemLabel={(goal) => `goal: ${goal.title}`}
        reorder={reorder}
        movedMessage={(goal, target) => `“${goal.title}” is now number ${target + 1} of ${list.length}.`}
        announce={setAnnouncement}
        rowError={update.error}
        empty="No program goals yet. Add the first one below."
        renderItem={(goal, index) => (
          <>
            <h3>
              <span className="muted">{index + 1}.</span> {goal.title} {goal.retired ? <Badge tone="warning">Retired</Badge> : null}
            </h3>
            {goal.description ? <p className="muted">{goal.description}</p> : null}
          </>
        )}
        renderEditor={(goal, done) => <GoalEditForm goal={goal} onDone={done} />}
        renderActions={(goal) => (
          <RetireButton
            idPrefix={`goal-${goal.id}`}
            itemLabel={`goal: ${goal.title}`}
            title={goal.title}
            retired={goal.retired}
            setRetired={(retired, onSuccess) => update.mutate({ id: goal.id, changes: { retired } }, { onSuccess })}
            announce={setAnnouncement}
          />
        )}
      />
      <AddGoalForm onAdded={(title) => setAnnouncement(`“${title}” added as goal number ${list.length + 1}.`)} />
    </div>
  );
}
