import { queryOptions, useQuery } from '@tanstack/react-query';
import { erasurePreviewSchema } from '../../../../src/shared/api/personal-data.ts';
import type { ErasurePreview } from '../../../../src/shared/api/personal-data.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { ErasurePreview };

export const erasurePreviewKey = (userId: number) => ['erasure-preview', userId] as const;

export function getErasurePreview(userId: number): Promise<ErasurePreview> {
  return apiRequest(`/api/people/${userId}/erasure`, erasurePreviewSchema);
}

export function erasurePreviewQueryOptions(userId: number) {
  // Always fresh: a match may have started or ended since the dialog was last opened.
  return queryOptions({ queryKey: erasurePreviewKey(userId), queryFn: () => getErasurePreview(userId), staleTime: 0 });
}

export function useErasurePreview(userId: number, enabled: boolean) {
  return useQuery({ ...erasurePreviewQueryOptions(userId), enabled });
}
