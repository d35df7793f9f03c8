import { useQuery } from '@tanstack/react-query';
import { applicationImportListSchema } from '../../../../src/shared/api/application-imports.ts';
import type { ApplicationImportSummary } from '../../../../src/shared/api/application-imports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { ApplicationImportSummary };

/** How often the list is asked again while one of its imports runs (a colleague's, perhaps). */
const POLL_MS = 2000;

export async function getPeriodImports(periodId: number): Promise<ApplicationImportSummary[]> {
  return (await apiRequest(`/api/periods/${periodId}/application-imports`, applicationImportListSchema)).imports;
}

/** A period's latest imports and checks, newest first. */
export function usePeriodImports(periodId: number) {
  return useQuery({
    queryKey: queryKeys.periodImports(periodId),
    queryFn: () => getPeriodImports(periodId),
    refetchInterval: (query) => (query.state.data?.some((i) => i.status === 'running') ? POLL_MS : false),
  });
}
