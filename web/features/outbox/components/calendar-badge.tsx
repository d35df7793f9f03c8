import { Badge } from '../../../components/ui/badge.tsx';
import type { OutboxMessage } from '../api/get-outbox.ts';

/** What the calendar file attached to a message does, in words; null when there is none. */
export function calendarFileWords(message: Pick<OutboxMessage, 'calendarMethod' | 'kind'>): string | null {
  if (message.calendarMethod === 'CANCEL') return 'Cancellation';
  if (message.calendarMethod === null) return null;
  // Both an invitation and an update are a REQUEST; the message's kind tells them apart.
  return message.kind === 'event-update' ? 'Calendar update' : 'Calendar invitation';
}

/** A small badge saying the message carries a calendar file (.ics), and what it does. */
export function CalendarBadge({ message }: { message: Pick<OutboxMessage, 'calendarMethod' | 'kind'> }) {
  const words = calendarFileWords(message);
  return words ? <Badge tone={message.calendarMethod === 'CANCEL' ? 'warning' : 'info'}>{words}</Badge> : null;
}
