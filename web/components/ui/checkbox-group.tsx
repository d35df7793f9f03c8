import { useId } from 'react';
import type { ReactNode } from 'react';
import { FieldMessages } from './field.tsx';

interface CheckboxGroupProps<T extends string> {
  legend: ReactNode;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/** A fieldset of checkboxes for picking several values (roles, channels…). */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  required,
  disabled,
}: CheckboxGroupProps<T>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const toggle = (option: T, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' own order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset className="fieldset" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="fieldset__legend">
        {legend}
        {required ? <span className="field__required"> (required)</span> : null}
      </legend>
      <FieldMessages hint={hint} hintId={hintId} />
      <div className="choices">
        {options.map((o) => (
          <label className="choice" key={o.value}>
            <input
              type="checkbox"
              name={id}
              value={o.value}
              checked={value.includes(o.value)}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldMessages error={error} errorId={errorId} />
    </fieldset>
  );
}
