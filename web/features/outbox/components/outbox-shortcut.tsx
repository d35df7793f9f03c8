import { Shortcut } from '../../../components/ui/shortcut.tsx';
import { useOutbox } from '../api/get-outbox.ts';

export function OutboxShortcut() {
  const outbox = useOutbox('');
  const count = outbox.data?.messages.length;
  const notDelivered = outbox.data?.messages.filter((m) => m.status === 'failed').length ?? 0;
  return (
    <Shortcut
      to="/outbox"
      title="Outbox"
      linkText="Read sent e-mail"
      count={count === undefined ? undefined : count >= 100 ? '100+' : String(count)}
      countLabel={count === 1 ? 'message' : 'messages'}
      text={notDelivered > 0 ? `${notDelivered} could not be delivered.` : 'Every e-mail the program has written.'}
    />
  );
}
