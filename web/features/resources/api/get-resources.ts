import { queryOptions, useQuery } from '@tanstack/react-query';
import { resourceListSchema } from '../../../../src/shared/api/resources.ts';
import type { Audience, Resource, ResourceList } from '../../../../src/shared/api/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resourceKeys } from './resource-keys.ts';

export type { Resource, ResourceList };

/** What the caller may see, by topic; staff may narrow it to one audience. */
export function getResources(audience: Audience | ''): Promise<ResourceList> {
  return apiRequest(`/api/resources${audience ? `?audience=${audience}` : ''}`, resourceListSchema);
}

export function resourcesQueryOptions(audience: Audience | '' = '') {
  return queryOptions({ queryKey: resourceKeys.list(audience), queryFn: () => getResources(audience) });
}

export function useResources(audience: Audience | '' = '') {
  return useQuery(resourcesQueryOptions(audience));
}
