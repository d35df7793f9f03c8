import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from './audit.store.ts';

/** What the audit log says about one change; who and when are filled in. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | null;
  details: Record<string, unknown>;
}

/**
 * Runs one staff change in one transaction. `change` gets the instant the change happens at and
 * `audit`, which records an entry for the actor at that instant in the same transaction: both land,
 * or neither.
 */
export function auditedChange<T>(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  change: (trx: Executor, at: string, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    return change(trx, at, (entry) => recordAudit(trx, { actorId: actor.userId, ...entry, at }));
  });
}
