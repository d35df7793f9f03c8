import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { rematchQueueSchema } from '../../../../src/shared/api/rematch.ts';
import type { RematchQueue, RematchQueueItem } from '../../../../src/shared/api/rematch.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { rematchKeys } from './rematch-keys.ts';

export type { RematchQueue, RematchQueueItem };
export type QueueFilter = 'open' | 'all';

export function getRematchQueue(status: QueueFilter): Promise<RematchQueue> {
  return apiRequest(`/api/rematch-requests?status=${status}`, rematchQueueSchema);
}

export function rematchQueueQueryOptions(status: QueueFilter) {
  return queryOptions({ queryKey: rematchKeys.queue(status), queryFn: () => getRematchQueue(status) });
}

/** The queue, oldest first; the other list stays on screen while the filter changes. */
export function useRematchQueue(status: QueueFilter) {
  return useQuery({ ...rematchQueueQueryOptions(status), placeholderData: keepPreviousData });
}
