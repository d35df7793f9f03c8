import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { RuleViolationError } from '../../errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditedChange } from '../audit/audit.service.ts';

// The lists staff curate for the program (program goals, activities, FAQ entries, resources) are
// kept in order and changed the same way; what they share lives here once. Each change runs
// through auditedChange (src/features/audit/audited-change.ts): one transaction, one audit entry.

/** A new item goes to the end of the list. */
export function nextPosition(items: readonly { position: number }[]): number {
  return Math.max(0, ...items.map((i) => i.position)) + 1;
}

/** The retired_at a patch asks for: unchanged (undefined), retired now, or restored (null). */
export function retiredAtFor(retired: boolean | undefined, at: string): string | null | undefined {
  return retired === undefined ? undefined : retired ? at : null;
}

/** One ordered list, as reorderList needs it. */
export interface OrderedList<T extends { id: number }> {
  list: (db: Executor) => Promise<T[]>;
  setPosition: (db: Executor, id: number, position: number) => Promise<void>;
  /** The error when the new order leaves an item out, repeats one or names an unknown one. */
  incomplete: { code: string; message: string };
  audit: { action: string; entityType: string };
}

/** Puts the list in the order of `ids`, which must name every item exactly once; answers the list. */
export function reorderList<T extends { id: number }>(deps: Deps, actor: Actor, ordered: OrderedList<T>, ids: number[]): Promise<T[]> {
  return auditedChange(deps, actor, async (trx, _at, audit) => {
    const known = new Set((await ordered.list(trx)).map((item) => item.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new RuleViolationError(ordered.incomplete.code, ordered.incomplete.message);
    }
    for (const [i, id] of ids.entries()) await ordered.setPosition(trx, id, i + 1);
    await audit({ ...ordered.audit, entityId: null, details: { ids } });
    return ordered.list(trx);
  });
}
