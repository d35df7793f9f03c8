import { queryOptions, useQuery } from '@tanstack/react-query';
import { backupsOverviewSchema } from '../../../../src/shared/api/backups.ts';
import type { BackupsOverview } from '../../../../src/shared/api/backups.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { BackupsOverview };

export const backupsQueryKey = ['backups'] as const;

/** The backup schedule and the scheduled backups kept (staff only). */
export function getBackups(): Promise<BackupsOverview> {
  return apiRequest('/api/backups', backupsOverviewSchema);
}

export function backupsQueryOptions() {
  return queryOptions({ queryKey: backupsQueryKey, queryFn: getBackups, staleTime: 30_000 });
}

export function useBackups(enabled: boolean) {
  return useQuery({ ...backupsQueryOptions(), enabled });
}

/** A plain link: the browser streams the archive straight to disk, nothing is held in the page. */
export const BACKUP_DOWNLOAD_URL = '/api/backups/download';
