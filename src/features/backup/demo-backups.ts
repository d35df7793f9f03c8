import type { Deps } from '../../deps.ts';
import { saveBackupSchedule } from './backup.store.ts';

/** The demo backs itself up daily (keeping a week), so Settings → Backups lists one once the app has run. */
export async function seedDemoBackups(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  await saveBackupSchedule(deps.db, { frequency: 'daily', keep: 7 }, deps.clock.now().toISOString());
}
