import { useMutation, useQueryClient } from '@tanstack/react-query';
import { backupScheduleSchema, backupsOverviewSchema } from '../../../../src/shared/api/backups.ts';
import type { BackupSchedule } from '../../../../src/shared/api/backups.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { backupsQueryKey } from './get-backups.ts';

export const backupScheduleInputSchema = backupScheduleSchema;
export type { BackupSchedule };

export function updateBackupSchedule(schedule: BackupSchedule) {
  return apiRequest('/api/backups/schedule', backupsOverviewSchema, { method: 'PUT', body: schedule });
}

export function useUpdateBackupSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBackupSchedule,
    onSuccess: (overview) => {
      queryClient.setQueryData(backupsQueryKey, overview);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
