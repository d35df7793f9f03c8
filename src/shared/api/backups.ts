import { z } from 'zod';
import { instantSchema } from './common.ts';

/** How often Tandem backs itself up into its data directory (decision 0015). */
export const BACKUP_FREQUENCIES = ['off', 'daily'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

export const BACKUP_KEEP_MAX = 90;

export const backupScheduleSchema = z.strictObject({
  frequency: z.enum(BACKUP_FREQUENCIES),
  keep: z
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(1, 'Keep at least 1 backup.')
    .max(BACKUP_KEEP_MAX, `Keep at most ${BACKUP_KEEP_MAX} backups.`),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const keptBackupSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  createdAt: instantSchema,
});
export type KeptBackup = z.infer<typeof keptBackupSchema>;

export const backupsOverviewSchema = z.object({
  schedule: backupScheduleSchema,
  /** The scheduled backups kept in the data directory, newest first. */
  backups: z.array(keptBackupSchema),
});
export type BackupsOverview = z.infer<typeof backupsOverviewSchema>;
