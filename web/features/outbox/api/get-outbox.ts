import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { outboxListSchema } from '../../../../src/shared/api/outbox.ts';
import type { OutboxMessage, OutboxStatus } from '../../../../src/shared/api/outbox.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { OutboxMessage };

/** What the outbox shows, as it stands in the page's address: a search (recipient or subject), a status and a kind. */
export interface OutboxFilters {
  q?: string | undefined;
  status?: OutboxStatus | undefined;
  /** The kind of message, e.g. "invitation" or "reminder.quiet". */
  kind?: string | undefined;
}

export const OUTBOX_PAGE_SIZE = 50;

/** One page of messages, newest first; `after` is the previous page's `nextCursor`. */
export function getOutbox(filters: OutboxFilters, after?: string, limit = OUTBOX_PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (after) params.set('after', after);
  return apiRequest(`/api/outbox?${params.toString()}`, outboxListSchema);
}

export function outboxQueryOptions(filters: OutboxFilters) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.outbox, 'list', filters],
    queryFn: ({ pageParam }) => getOutbox(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useOutbox(filters: OutboxFilters) {
  return useInfiniteQuery(outboxQueryOptions(filters));
}

/** How many messages match (for the home page's shortcut): a count, no list. */
export function useOutboxCount(filters: OutboxFilters) {
  return useQuery(
    queryOptions({
      queryKey: [...queryKeys.outbox, 'count', filters],
      queryFn: async () => (await getOutbox(filters, undefined, 1)).total,
    }),
  );
}
