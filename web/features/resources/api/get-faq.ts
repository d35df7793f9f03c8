import { queryOptions, useQuery } from '@tanstack/react-query';
import { faqListSchema } from '../../../../src/shared/api/resources.ts';
import type { FaqEntry } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resourceKeys } from './resource-keys.ts';

export type { FaqEntry };

export async function getFaq(): Promise<FaqEntry[]> {
  return (await apiRequest('/api/faq', faqListSchema)).entries;
}

export function faqQueryOptions() {
  return queryOptions({ queryKey: resourceKeys.faq, queryFn: getFaq, staleTime: 60_000 });
}

/** The FAQ in order; public. */
export function useFaq() {
  return useQuery(faqQueryOptions());
}
