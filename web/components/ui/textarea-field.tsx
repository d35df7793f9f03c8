import type { TextareaHTMLAttributes } from 'react';
import { FieldLabel, FieldMessages, useFieldIds } from './field.tsx';
import type { FieldShellProps } from './field.tsx';

type TextareaFieldProps = FieldShellProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextareaField({ label, hint, error, required, value, onChange, className, id: givenId, ...rest }: TextareaFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint, givenId);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <textarea
        {...rest}
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
