import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applicationImportSchema } from '../../../../src/shared/api/application-imports.ts';
import type { ApplicationImport } from '../../../../src/shared/api/application-imports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { ApplicationImport };

/** How often a running import is asked for its progress. */
const POLL_MS = 300;

export function getApplicationImport(id: number): Promise<ApplicationImport> {
  return apiRequest(`/api/application-imports/${id}`, applicationImportSchema);
}

export function applicationImportQueryOptions(id: number | null) {
  return queryOptions({
    queryKey: queryKeys.applicationImport(id ?? 0),
    queryFn: () => getApplicationImport(id ?? 0),
    enabled: id !== null,
    // Asked again while it runs; once done or failed it never changes.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    staleTime: (query) => (query.state.data?.status === 'running' ? 0 : Infinity),
  });
}

/** A background import (null: none yet): its step and progress while it runs, then its result or why it failed. */
export function useApplicationImport(id: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery(applicationImportQueryOptions(id));
  // Once an import has written applications, every page that lists them (or their people) is stale.
  const wrote = query.data?.status === 'done' && query.data.result?.imported === true ? query.data.id : null;
  useEffect(() => {
    if (wrote === null) return;
    for (const queryKey of [queryKeys.applications, queryKeys.matching, queryKeys.users, queryKeys.audit]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [wrote, queryClient]);
  // Once any import or check ends, its period's list of imports says how it went.
  const ended = query.data && query.data.status !== 'running' ? query.data : null;
  const endedId = ended?.id ?? null;
  const endedPeriod = ended?.periodId ?? null;
  useEffect(() => {
    if (endedId === null || endedPeriod === null) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.periodImports(endedPeriod) });
  }, [endedId, endedPeriod, queryClient]);
  return query;
}
