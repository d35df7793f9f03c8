import type { ReminderStatus } from '../../../../src/shared/api/reminders.ts';
import { Badge } from '../../../components/ui/badge.tsx';

const TONE = { scheduled: 'info', sending: 'info', sent: 'success', skipped: 'neutral', failed: 'danger', cancelled: 'warning' } as const;
const LABEL: Record<ReminderStatus, string> = {
  scheduled: 'Scheduled',
  sending: 'Sending now',
  sent: 'Sent',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The status in words; the colour only repeats it. */
export function ReminderStatusBadge({ status }: { status: ReminderStatus }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
