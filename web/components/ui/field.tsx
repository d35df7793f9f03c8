import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

/** Shared wiring for a label, a hint and an error message tied to one control. */
export function useFieldIds(error: string | undefined, hint: ReactNode | undefined, givenId?: string) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/**
 * The label holds only the field's name, so its accessible name stays exactly "Name" or
 * "E-mail address". The "(required)" marker is for sighted people; assistive technology
 * hears "required" from the input's own required attribute.
 */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean | undefined }) {
  return (
    <div className="field__label-row">
      <label className="field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {required ? (
        <span className="field__required" aria-hidden="true">
          (required)
        </span>
      ) : null}
    </div>
  );
}

export function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: ReactNode;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type TextFieldProps = FieldShellProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

/** The attributes that tie a control to its label, hint and error. */
export interface ControlWiring {
  id: string;
  required: boolean | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

type FieldProps = FieldShellProps & {
  className?: string | undefined;
  id?: string | undefined;
  children: (wiring: ControlWiring) => ReactNode;
};

/** A labelled control with its hint and error: the one shape every single-control field shares. */
export function Field({ label, hint, error, required, className, id: givenId, children }: FieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint, givenId);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      {children({ id, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function TextField({ label, hint, error, required, value, onChange, type = 'text', className, id, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className} id={id}>
      {(wiring) => <input {...rest} {...wiring} type={type} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
