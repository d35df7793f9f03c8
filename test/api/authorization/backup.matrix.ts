import { STAFF_ONLY } from './matrix-kit.ts';
import type { Cell } from './matrix-kit.ts';

/** Backups hold everyone's data: staff only, every route (docs/decisions/0015-backup-archive.md). */
export const backupMatrix: Record<string, Cell> = {
  'GET /api/backups': { url: () => '/api/backups', expect: STAFF_ONLY },
  'PUT /api/backups/schedule': { url: () => '/api/backups/schedule', body: () => ({ frequency: 'off', keep: 7 }), expect: STAFF_ONLY },
  'GET /api/backups/download': { url: () => '/api/backups/download', expect: STAFF_ONLY },
};
