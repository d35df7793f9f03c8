import type { FormEvent, ReactNode, RefObject } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { Alert } from './alert.tsx';
import { FormActions } from './form-actions.tsx';

/** What the add and edit forms of a list staff keep take (activities, FAQ entries). */
export interface ItemFormProps<T> {
  /** The form's accessible name, or the id of a heading that names it. */
  label?: string;
  labelledBy?: string;
  heading?: ReactNode;
  initial?: T;
  submitLabel: string;
  busy: boolean;
  /** The last request's failure: an alert on top, and its field errors next to the fields. */
  error: unknown;
  /** Sends the input; `saved` is called once it is saved. */
  onSubmit: (input: T, saved: () => void) => void;
  onCancel?: () => void;
  /** Empty the fields once saved, ready for the next one (the add form). */
  clearWhenSaved?: boolean;
}

type ItemFormShellProps = Pick<
  ItemFormProps<unknown>,
  'label' | 'labelledBy' | 'heading' | 'submitLabel' | 'busy' | 'error' | 'onCancel'
> & {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
};

/** Around an item form's fields: its name, heading, the request's failure and the buttons. */
export function ItemFormShell({
  formRef,
  onSubmit,
  label,
  labelledBy,
  heading,
  error,
  submitLabel,
  busy,
  onCancel,
  children,
}: ItemFormShellProps) {
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={label} aria-labelledby={labelledBy}>
      {heading}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {children}
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
