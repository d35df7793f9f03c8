import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { workspaceSchema } from '../../../../src/shared/api/matching.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type Workspace = z.output<typeof workspaceSchema>;
export type PairRule = Workspace['rules'][number];

export function getWorkspace(periodId: number): Promise<Workspace> {
  return apiRequest(`/api/periods/${periodId}/matching`, workspaceSchema);
}

export function workspaceQueryOptions(periodId: number) {
  return queryOptions({ queryKey: queryKeys.matchingWorkspace(periodId), queryFn: () => getWorkspace(periodId), enabled: periodId > 0 });
}

/** A period's matching workspace: the pool, starting weights, the latest run and the pair rules. */
export function useWorkspace(periodId: number) {
  return useQuery(workspaceQueryOptions(periodId));
}
