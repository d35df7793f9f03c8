import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { auditListSchema } from '../../../../src/shared/api/audit.ts';
import type { AuditEntry } from '../../../../src/shared/api/audit.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { AuditEntry };

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log, newest first; `before` is the id of the oldest entry already shown. */
export async function getAudit(before: number | undefined, limit = AUDIT_PAGE_SIZE): Promise<AuditEntry[]> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (before !== undefined) params.set('before', String(before));
  const data = await apiRequest(`/api/audit?${params.toString()}`, auditListSchema);
  return data.entries;
}

export function auditQueryOptions() {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit,
    queryFn: ({ pageParam }) => getAudit(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => (lastPage.length < AUDIT_PAGE_SIZE ? undefined : lastPage[lastPage.length - 1]?.id),
  });
}

export function useAudit() {
  return useInfiniteQuery(auditQueryOptions());
}
