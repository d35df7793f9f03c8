import type { OutboxMessage } from '../api/get-outbox.ts';
import { Badge } from '../../../components/ui/badge.tsx';

const LABEL = { recorded: 'In outbox', sending: 'Handed to the mail server', sent: 'Sent', failed: 'Not delivered' } as const;
const TONE = { recorded: 'info', sending: 'warning', sent: 'success', failed: 'danger' } as const;

export function MessageStatusBadge({ status }: { status: OutboxMessage['status'] }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
