import type { Deps } from '../../deps.ts';
import { listAudit } from './audit.store.ts';

/** The audit log as staff read it: newest first, filtered. */
export async function readAuditLog(deps: Pick<Deps, 'db'>, query: Parameters<typeof listAudit>[1]) {
  return { entries: await listAudit(deps.db, query) };
}
