import { useQueryClient } from '@tanstack/react-query';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { eventKeys } from './event-keys.ts';

/**
 * After a change to an event: keep the answer as the event's own data (so its page shows it at
 * once), then refresh every event list, the outbox (invitations, updates and cancellations are
 * e-mails) and the audit log.
 */
export function useRefreshEvents() {
  const queryClient = useQueryClient();
  return (event?: EventView) => {
    if (event) queryClient.setQueryData(eventKeys.one(event.id), event);
    void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
  };
}
