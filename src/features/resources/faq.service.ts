import type { Deps } from '../../deps.ts';
import { NotFoundError, RuleViolationError } from '../../errors.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteFaq, insertFaq, listFaq, setFaqPosition, updateFaq } from './faq.store.ts';
import type { FaqRecord } from './faq.store.ts';

/** The FAQ is public: applicants read it before they have an account. */
export function readFaq(deps: Pick<Deps, 'db'>): Promise<FaqRecord[]> {
  return listFaq(deps.db);
}

export async function addFaqEntry(deps: Deps, actor: Actor, input: { question: string; answer: string }): Promise<FaqRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const entries = await listFaq(trx);
    const at = toInstant(deps.clock.now());
    const position = Math.max(0, ...entries.map((e) => e.position)) + 1;
    const id = await insertFaq(trx, { ...input, position, at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'faq.added',
      entityType: 'faq_entry',
      entityId: id,
      details: { question: input.question },
      at,
    });
    return listFaq(trx);
  });
}

export async function changeFaqEntry(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { question?: string | undefined; answer?: string | undefined },
): Promise<FaqRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    if (!(await updateFaq(trx, id, patch, at))) throw new NotFoundError('question');
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'faq.changed',
      entityType: 'faq_entry',
      entityId: id,
      details: { fields: Object.keys(patch) },
      at,
    });
    return listFaq(trx);
  });
}

export async function removeFaqEntry(deps: Deps, actor: Actor, id: number): Promise<FaqRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const entry = (await listFaq(trx)).find((e) => e.id === id);
    if (!entry || !(await deleteFaq(trx, id))) throw new NotFoundError('question');
    const at = toInstant(deps.clock.now());
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'faq.deleted',
      entityType: 'faq_entry',
      entityId: id,
      details: { question: entry.question },
      at,
    });
    return listFaq(trx);
  });
}

export async function reorderFaq(deps: Deps, actor: Actor, ids: number[]): Promise<FaqRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const entries = await listFaq(trx);
    const known = new Set(entries.map((e) => e.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new RuleViolationError('FAQ_ORDER_INCOMPLETE', 'List every question exactly once in the new order.');
    }
    for (const [i, id] of ids.entries()) await setFaqPosition(trx, id, i + 1);
    const at = toInstant(deps.clock.now());
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'faq.reordered',
      entityType: 'faq_entry',
      entityId: null,
      details: { ids },
      at,
    });
    return listFaq(trx);
  });
}

/** The default catalogue, added once at setup (src/features/accounts/setup.service.ts). */
export { seedDefaultFaq } from './default-faq.ts';
