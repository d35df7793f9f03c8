import type { ReactNode } from 'react';
import { FieldMessages, useFieldIds } from './field.tsx';

interface ChoiceFieldsetProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean | undefined;
  /** The choices; `name` groups their inputs. */
  children: (name: string) => ReactNode;
}

/**
 * The fieldset around a group of checkboxes or radio buttons: the legend with its "(required)",
 * and the hint above and the error below, both tied to the group.
 */
export function ChoiceFieldset({ legend, hint, error, required, children }: ChoiceFieldsetProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  return (
    <fieldset className="fieldset" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="fieldset__legend">
        {legend}
        {required ? <span className="field__required"> (required)</span> : null}
      </legend>
      <FieldMessages hint={hint} hintId={hintId} />
      {children(id)}
      <FieldMessages error={error} errorId={errorId} />
    </fieldset>
  );
}
