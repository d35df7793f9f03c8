import type { ReactNode } from 'react';
import { Button } from './button.tsx';

interface FormActionsProps {
  submitLabel: ReactNode;
  busy: boolean;
  small?: boolean;
  /** Adds a Cancel button that calls it. */
  onCancel?: (() => void) | undefined;
  /** After the buttons, e.g. a "Forgot your password?" link. */
  children?: ReactNode;
}

/** The row under a form: its submit button, and Cancel where the form can be closed. */
export function FormActions({ submitLabel, busy, small, onCancel, children }: FormActionsProps) {
  return (
    <div className="form-actions">
      <Button type="submit" small={small} busy={busy}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button variant="secondary" small={small} onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
      {children}
    </div>
  );
}
