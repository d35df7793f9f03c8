import { useState } from 'react';
import type { Reminder } from '../../../../src/shared/api/reminders.ts';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCancelReminder } from '../api/cancel-reminder.ts';

/** Cancel, with a second click to be sure: a cancelled reminder is never sent or planned again. */
export function CancelReminderButton({ reminder }: { reminder: Reminder }) {
  const cancel = useCancelReminder();
  // 'back' = they chose to keep it; focus returns to the Cancel button.
  const [step, setStep] = useState<'idle' | 'confirming' | 'back'>('idle');
  const what = `“${reminder.kindLabel}” to ${reminder.mentee.name} and ${reminder.mentor.name}`;
  if (step !== 'confirming') {
    return (
      <Button variant="danger" small autoFocus={step === 'back'} onClick={() => setStep('confirming')}>
        Cancel<span className="visually-hidden"> the reminder {what}</span>
      </Button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label="Confirm cancelling the reminder">
      <span>Cancel the reminder {what}? Neither of them will get it, and it will not be scheduled again.</span>
      <span className="item-row__actions">
        <Button variant="danger" small busy={cancel.isPending} onClick={() => cancel.mutate(reminder.id)}>
          Yes, cancel it
        </Button>
        <Button variant="secondary" small autoFocus onClick={() => setStep('back')}>
          Keep it
        </Button>
      </span>
      {cancel.isError ? (
        <span role="alert" className="field__error">
          {errorMessage(cancel.error)}
        </span>
      ) : null}
    </span>
  );
}
