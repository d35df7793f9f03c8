import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import type { Reminder } from '../../../../src/shared/api/reminders.ts';
import { useCancelReminder } from '../api/cancel-reminder.ts';

/** Cancel, with a second click to be sure: a cancelled reminder is never sent or planned again. */
export function CancelReminderButton({ reminder }: { reminder: Reminder }) {
  const cancel = useCancelReminder();
  const what = `“${reminder.kindLabel}” to ${reminder.mentee.name} and ${reminder.mentor.name}`;
  return (
    <ConfirmAction
      label="Cancel"
      labelDetail={`the reminder ${what}`}
      question={`Cancel the reminder ${what}? Neither of them will get it, and it will not be scheduled again.`}
      groupLabel="Confirm cancelling the reminder"
      confirmLabel="Yes, cancel it"
      busy={cancel.isPending}
      error={cancel.isError ? cancel.error : null}
      onConfirm={() => cancel.mutate(reminder.id)}
    />
  );
}
