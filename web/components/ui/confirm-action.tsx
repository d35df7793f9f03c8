import { useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { Button } from './button.tsx';

interface ConfirmActionProps {
  /** The visible words of the first button, e.g. "Delete". */
  label: string;
  /** Words after the label for screen readers, e.g. "question: How often should we meet?". */
  labelDetail: string;
  /** The question shown once the first button is pressed. */
  question: ReactNode;
  /** The accessible name of the confirming group, e.g. "Confirm deleting the question". */
  groupLabel: string;
  /** The confirming button, e.g. "Yes, delete it". */
  confirmLabel: string;
  busy: boolean;
  /** The failure of the last attempt, shown under the buttons; null when none. */
  error: unknown;
  onConfirm: () => void;
  /** The first button's look: danger for destructive actions (the default). */
  variant?: 'danger' | 'secondary';
}

/**
 * A destructive action with a second click to be sure: the button turns into a question with
 * "Yes, …" and "Keep it". Focus moves to "Keep it" (the safe choice), and back to the first
 * button when they keep it.
 */
export function ConfirmAction({
  label,
  labelDetail,
  question,
  groupLabel,
  confirmLabel,
  busy,
  error,
  onConfirm,
  variant = 'danger',
}: ConfirmActionProps) {
  // 'back' = they chose to keep it; focus returns to the first button.
  const [step, setStep] = useState<'idle' | 'confirming' | 'back'>('idle');
  if (step !== 'confirming') {
    return (
      <Button variant={variant} small autoFocus={step === 'back'} onClick={() => setStep('confirming')}>
        {label}
        <span className="visually-hidden"> {labelDetail}</span>
      </Button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={groupLabel}>
      <span>{question}</span>
      <span className="item-row__actions">
        <Button variant="danger" small busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" small autoFocus onClick={() => setStep('back')}>
          Keep it
        </Button>
      </span>
      {error ? (
        <span role="alert" className="field__error">
          {errorMessage(error)}
        </span>
      ) : null}
    </span>
  );
}
