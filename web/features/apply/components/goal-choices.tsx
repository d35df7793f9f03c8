import { useId } from 'react';
import { FieldMessages } from '../../../components/ui/field.tsx';
import type { ApplyForm } from '../api/get-apply-form.ts';

/** The program goals that matter to an applicant: one or more, each with its description. */
export function GoalChoices({
  goals,
  value,
  onChange,
  error,
}: {
  goals: ApplyForm['goals'];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
}) {
  const id = useId();
  const toggle = (goalId: number, checked: boolean) => {
    const next = checked ? [...value, goalId] : value.filter((v) => v !== goalId);
    onChange(next);
  };
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined}>
      <legend className="fieldset__legend">
        Program goals that matter to you<span className="field__required"> (required)</span>
      </legend>
      <FieldMessages hint="Choose one or more. We use them to find someone who cares about the same things." hintId={`${id}-hint`} />
      <div className="choices choices--stacked">
        {goals.map((g) => (
          <div className="choice-with-hint" key={g.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={value.includes(g.id)}
                aria-invalid={error ? true : undefined}
                aria-describedby={g.description ? `${id}-goal-${g.id}` : undefined}
                onChange={(e) => toggle(g.id, e.target.checked)}
              />
              {g.title}
            </label>
            {g.description ? (
              <p className="field__hint choice__hint" id={`${id}-goal-${g.id}`}>
                {g.description}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <FieldMessages error={error} errorId={`${id}-error`} />
    </fieldset>
  );
}
