import type { Deps } from '../../deps.ts';
import { listAudit, listAuditAbout, listAuditActions } from './audit.store.ts';
import { auditEntityNames } from './entity-names.store.ts';

/**
 * The audit log as staff read it: newest first, searched and filtered, a page at a time. An entry
 * about a person or a period names it (null for other records, or one since deleted).
 */
export async function readAuditLog(deps: Pick<Deps, 'db'>, query: Parameters<typeof listAudit>[1]) {
  const [page, actions] = await Promise.all([listAudit(deps.db, query), listAuditActions(deps.db)]);
  const names = await auditEntityNames(deps.db, page.entries);
  return {
    ...page,
    actions,
    entries: page.entries.map((e) => ({ ...e, entityName: names.get(`${e.entityType}:${e.entityId ?? ''}`) ?? null })),
  };
}

/** The audit entries about one person (their account as the record), oldest first. */
export async function readAuditAboutPerson(deps: Pick<Deps, 'db'>, userId: number) {
  return listAuditAbout(deps.db, 'user', String(userId));
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { recordAudit } from './audit.store.ts';
export { auditedChange } from './audited-change.ts';
export type { AuditEntry } from './audited-change.ts';
