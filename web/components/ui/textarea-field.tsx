import type { TextareaHTMLAttributes } from 'react';
import { Field } from './field.tsx';
import type { FieldShellProps } from './field.tsx';

type TextareaFieldProps = FieldShellProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextareaField({ label, hint, error, required, value, onChange, className, id, ...rest }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className} id={id}>
      {(wiring) => <textarea {...rest} {...wiring} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
