import type { ReactNode } from 'react';
import { ChoiceFieldset } from './choice-fieldset.tsx';

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
export function CheckboxGroup<T extends string>({ options, value, onChange, disabled, ...fieldset }: CheckboxGroupProps<T>) {
  const toggle = (option: T, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' own order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <ChoiceFieldset {...fieldset}>
      {(name) => (
        <div className="choices">
          {options.map((o) => (
            <label className="choice" key={o.value}>
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                disabled={disabled}
                aria-invalid={fieldset.error ? true : undefined}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              {o.label}
            </label>
          ))}
        </div>
      )}
    </ChoiceFieldset>
  );
}
