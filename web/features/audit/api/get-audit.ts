import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { auditListSchema } from '../../../../src/shared/api/audit.ts';
import type { AuditEntry } from '../../../../src/shared/api/audit.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { AuditEntry };

/** What the audit log shows, as it stands in the page's address: a search, who, what and a range of days. */
export interface AuditFilters {
  q?: string | undefined;
  /** Part of the name of who did it. */
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log, newest first; `after` is the previous page's `nextCursor`. */
export function getAudit(filters: AuditFilters, after?: string, limit = AUDIT_PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (after) params.set('after', after);
  return apiRequest(`/api/audit?${params.toString()}`, auditListSchema);
}

export function auditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.audit, 'list', filters],
    queryFn: ({ pageParam }) => getAudit(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
