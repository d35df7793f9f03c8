import type { SelectHTMLAttributes } from 'react';
import { Field } from './field.tsx';
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

export function SelectField({ label, hint, error, required, value, options, onChange, className, id, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className} id={id}>
      {(wiring) => (
        <select {...rest} {...wiring} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
