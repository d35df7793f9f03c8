import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { archiveSchema } from '../../../../src/shared/api/events.ts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';
import type { ArchiveFilters } from './event-keys.ts';

export type Archive = z.infer<typeof archiveSchema>;
export type { ArchiveFilters };

/** Past events with a recording or slides that the person may see, narrowed by the filters. */
export function getArchive(filters: ArchiveFilters): Promise<Archive> {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.periodId) params.set('periodId', filters.periodId);
  const query = params.toString();
  return apiRequest(`/api/events/archive${query ? `?${query}` : ''}`, archiveSchema);
}

export function archiveQueryOptions(filters: ArchiveFilters) {
  return queryOptions({ queryKey: eventKeys.archive(filters), queryFn: () => getArchive(filters) });
}

/** The list stays on screen while a new search loads. */
export function useArchive(filters: ArchiveFilters) {
  return useQuery({ ...archiveQueryOptions(filters), placeholderData: keepPreviousData });
}
