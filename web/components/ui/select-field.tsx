import type { SelectHTMLAttributes } from 'react';
import { FieldLabel, FieldMessages, useFieldIds } from './field.tsx';
import type { FieldShellProps } from './field.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = FieldShellProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string;
    options: readonly SelectOption[];
    onChange: (value: string) => void;
  };

export function SelectField({ label, hint, error, required, value, options, onChange, className, id: givenId, ...rest }: SelectFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint, givenId);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <select
        {...rest}
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
