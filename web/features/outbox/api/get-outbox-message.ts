import { queryOptions, useQuery } from '@tanstack/react-query';
import { outboxMessageSchema } from '../../../../src/shared/api/outbox.ts';
import type { OutboxMessage } from '../../../../src/shared/api/outbox.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getOutboxMessage(id: number): Promise<OutboxMessage> {
  return apiRequest(`/api/outbox/${id}`, outboxMessageSchema);
}

export function outboxMessageQueryOptions(id: number) {
  return queryOptions({ queryKey: queryKeys.outboxMessage(id), queryFn: () => getOutboxMessage(id) });
}

export function useOutboxMessage(id: number) {
  return useQuery(outboxMessageQueryOptions(id));
}
