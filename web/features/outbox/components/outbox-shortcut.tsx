import { Shortcut } from '../../../components/ui/shortcut.tsx';
import { useOutboxCount } from '../api/get-outbox.ts';

export function OutboxShortcut() {
  const count = useOutboxCount({}).data;
  const notDelivered = useOutboxCount({ status: 'failed' }).data ?? 0;
  return (
    <Shortcut
      to="/outbox"
      title="Outbox"
      linkText="Read sent e-mail"
      count={count === undefined ? undefined : count.toLocaleString('en-US')}
      countLabel={count === 1 ? 'message' : 'messages'}
      text={notDelivered > 0 ? `${notDelivered} could not be delivered.` : 'Every e-mail the program has written.'}
    />
  );
}
