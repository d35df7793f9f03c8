import { focusWhen, listItemAt, moveItem } from '../../../lib/reorder.ts';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { createProgramGoalInputSchema, useCreateProgramGoal } from '../api/create-program-goal.ts';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';
import type { ProgramGoal } from '../../../lib/reads/program-goals.ts';
import { useReorderProgramGoals } from '../api/reorder-program-goals.ts';
import { updateProgramGoalInputSchema, useUpdateProgramGoal } from '../api/update-program-goal.ts';

function GoalEditForm({ goal, onDone }: { goal: ProgramGoal; onDone: () => void }) {
  const update = useUpdateProgramGoal();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(goal.title);
  const [description, setDescription] = useState(goal.description);
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(updateProgramGoalInputSchema, { title, description });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    update.mutate(
      { id: goal.id, changes: checked.data },
      {
        onSuccess: onDone,
        onError: (error) => isApiError(error) && setErrors(error.fieldErrors()),
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={`Edit goal: ${goal.title}`}>
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
      <div className="form-actions">
        <Button type="submit" small busy={update.isPending}>
          Save goal
        </Button>
        <Button variant="secondary" small onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function AddGoalForm({ onAdded }: { onAdded: (title: string) => void }) {
  const create = useCreateProgramGoal();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(createProgramGoalInputSchema, { title, description });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: () => {
        onAdded(checked.data.title);
        setTitle('');
        setDescription('');
      },
      onError: (error) => isApiError(error) && setErrors(error.fieldErrors()),
    });
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-labelledby="add-goal-heading">
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
      <div className="form-actions">
        <Button type="submit" busy={create.isPending}>
          Add goal
        </Button>
      </div>
    </form>
  );
}

/** Staff add, word, order, retire and restore the program's goals. Goals are never deleted. */
export function ProgramGoalsEditor() {
  const goals = useProgramGoals();
  const reorder = useReorderProgramGoals();
  const update = useUpdateProgramGoal();
  const [editing, setEditing] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  if (goals.isPending) return <Loading label="Loading program goals…" />;
  if (goals.isError) return <LoadError error={goals.error} what="the program goals" onRetry={() => void goals.refetch()} />;
  const list = goals.data;

  const move = (index: number, by: -1 | 1) => {
    const goal = list[index];
    const moved = moveItem(
      list.map((x) => x.id),
      index,
      by,
    );
    if (!goal || !moved) return;
    reorder.mutate(moved.ids, {
      onSuccess: () => {
        setAnnouncement(`“${goal.title}” is now number ${moved.target + 1} of ${list.length}.`);
        const button = `goal-${goal.id}-${moved.focus}`;
        focusWhen(button, listItemAt(button, moved.target));
      },
    });
  };

  const setRetired = (goal: ProgramGoal, retired: boolean) => {
    update.mutate(
      { id: goal.id, changes: { retired } },
      {
        onSuccess: () => {
          setAnnouncement(retired ? `“${goal.title}” retired.` : `“${goal.title}” restored.`);
          focusWhen(`goal-${goal.id}-${retired ? 'restore' : 'retire'}`);
        },
      },
    );
  };

  return (
    <div className="stack">
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {reorder.isError ? <Alert tone="error">{errorMessage(reorder.error)}</Alert> : null}
      {update.isError && editing === null ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {list.length === 0 ? <p className="muted">No program goals yet. Add the first one below.</p> : null}
      <ol className="plain-list item-list">
        {list.map((goal, index) => (
          <li key={goal.id}>
            {editing === goal.id ? (
              <GoalEditForm
                goal={goal}
                onDone={() => {
                  setEditing(null);
                  focusWhen(`goal-${goal.id}-edit`);
                }}
              />
            ) : (
              <div className="item-row">
                <div className="item-row__main">
                  <h3>
                    <span className="muted">{index + 1}.</span> {goal.title} {goal.retired ? <Badge tone="warning">Retired</Badge> : null}
                  </h3>
                  {goal.description ? <p className="muted">{goal.description}</p> : null}
                </div>
                <div className="item-row__actions">
                  <Button
                    id={`goal-${goal.id}-up`}
                    variant="secondary"
                    small
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    Move up<span className="visually-hidden"> goal: {goal.title}</span>
                  </Button>
                  <Button
                    id={`goal-${goal.id}-down`}
                    variant="secondary"
                    small
                    disabled={index === list.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    Move down<span className="visually-hidden"> goal: {goal.title}</span>
                  </Button>
                  <Button id={`goal-${goal.id}-edit`} variant="secondary" small onClick={() => setEditing(goal.id)}>
                    Edit<span className="visually-hidden"> goal: {goal.title}</span>
                  </Button>
                  {goal.retired ? (
                    <Button id={`goal-${goal.id}-restore`} variant="secondary" small onClick={() => setRetired(goal, false)}>
                      Restore<span className="visually-hidden"> goal: {goal.title}</span>
                    </Button>
                  ) : (
                    <Button id={`goal-${goal.id}-retire`} variant="danger" small onClick={() => setRetired(goal, true)}>
                      Retire<span className="visually-hidden"> goal: {goal.title}</span>
                    </Button>
                  )}
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
      <AddGoalForm onAdded={(title) => setAnnouncement(`“${title}” added as goal number ${list.length + 1}.`)} />
    </div>
  );
}
