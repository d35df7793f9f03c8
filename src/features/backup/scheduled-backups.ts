import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { BackupSchedule, BackupsOverview, KeptBackup } from '../../shared/api/backups.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditedChange } from '../audit/audit.service.ts';
import { findBackupSchedule, saveBackupSchedule } from './backup.store.ts';
import { backupsToPrune, dailyBackupDue, isScheduledBackupName, scheduledBackupName } from './backup.rules.ts';
import { writeBackupFile } from './backup.service.ts';

/**
 * Scheduled backups land in `<data dir>/backups/` — beside the database, never under anything the
 * web server serves — and only the newest N are kept (decision 0015).
 */
export function backupsDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'backups');
}

/** When a scheduled backup was taken, read back from its name. */
function takenAt(name: string): string {
  const m = /^tandem-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z` : new Date(0).toISOString();
}

/** The scheduled backups kept, newest first. */
export async function listKeptBackups(config: Pick<Config, 'dataDir'>): Promise<KeptBackup[]> {
  const dir = backupsDir(config);
  const names = await fs.promises.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const kept: KeptBackup[] = [];
  for (const name of names.filter(isScheduledBackupName).sort().reverse()) {
    const stat = await fs.promises.stat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile()) kept.push({ name, size: stat.size, createdAt: takenAt(name) });
  }
  return kept;
}

// One scheduled backup at a time in this process: the job only starts it (see backup-jobs.ts).
let running: Promise<void> | null = null;

export function scheduledBackupRunning(): boolean {
  return running !== null;
}

/** Resolves when the scheduled backup this process is writing (if any) has finished. For tests and shutdown. */
export async function scheduledBackupSettled(): Promise<void> {
  await running;
}

/** Whether a scheduled backup should be taken now, and if not, why not (in words staff read). */
export async function scheduledBackupDue(config: Pick<Config, 'dataDir'>, schedule: BackupSchedule, now: Date): Promise<string | null> {
  if (schedule.frequency === 'off') return 'Scheduled backups are off.';
  if (running) return 'A scheduled backup is being written.';
  const newest = (await listKeptBackups(config))[0];
  if (!dailyBackupDue(newest ? new Date(newest.createdAt) : null, now)) return 'The newest scheduled backup is less than a day old.';
  return null;
}

/**
 * Starts writing a scheduled backup and returns at once; when it is whole, the oldest beyond
 * `keep` are deleted. A failure is logged, and the next slot tries again (nothing newer was kept).
 */
export function startScheduledBackup(deps: Deps, schedule: BackupSchedule, now: Date): void {
  if (running) return;
  const dir = backupsDir(deps.config);
  running = (async () => {
    try {
      await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, scheduledBackupName(now));
      const manifest = await writeBackupFile(
        { db: deps.db, dialect: deps.dialect, uploadDir: deps.config.uploadDir },
        file,
        undefined,
        now,
      );
      for (const name of backupsToPrune(await fs.promises.readdir(dir), schedule.keep))
        await fs.promises.rm(path.join(dir, name), { force: true });
      deps.log.info({ file, tables: manifest.tables.length, files: manifest.files.length }, 'scheduled backup written');
    } catch (err) {
      deps.log.error({ err }, 'scheduled backup failed');
    } finally {
      running = null;
    }
  })();
}

/** What the settings page shows: the schedule, and the backups it has kept. */
export async function backupsOverview(deps: Pick<Deps, 'db' | 'config'>): Promise<BackupsOverview> {
  return { schedule: await findBackupSchedule(deps.db), backups: await listKeptBackups(deps.config) };
}

export async function changeBackupSchedule(deps: Deps, actor: Actor, schedule: BackupSchedule): Promise<BackupsOverview> {
  await auditedChange(deps, actor, async (trx, at, audit) => {
    await saveBackupSchedule(trx, schedule, at);
    await audit({ action: 'backups.schedule', entityType: 'backup_settings', entityId: 1, details: { ...schedule } });
  });
  return backupsOverview(deps);
}
