import { queryOptions, useQuery } from '@tanstack/react-query';
import { outboxListSchema } from '../../../../src/shared/api/outbox.ts';
import type { OutboxMessage } from '../../../../src/shared/api/outbox.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { OutboxMessage };

/** The newest messages first; `to` filters by recipient address. */
export function getOutbox(to: string, limit = 100) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (to) params.set('to', to);
  return apiRequest(`/api/outbox?${params.toString()}`, outboxListSchema);
}

export function outboxQueryOptions(to: string) {
  return queryOptions({ queryKey: queryKeys.outboxList(to), queryFn: () => getOutbox(to) });
}

export function useOutbox(to: string) {
  return useQuery(outboxQueryOptions(to));
}
