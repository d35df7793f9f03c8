import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditedChange } from '../audit/audit.service.ts';
import { nextPosition, reorderList } from '../programs/curated-lists.ts';
import type { OrderedList } from '../programs/curated-lists.ts';
import { deleteFaq, insertFaq, listFaq, setFaqPosition, updateFaq } from './faq.store.ts';
import type { FaqRecord } from './faq.store.ts';

/** The FAQ is public: applicants read it before they have an account. */
export function readFaq(deps: Pick<Deps, 'db'>): Promise<FaqRecord[]> {
  return listFaq(deps.db);
}

export function addFaqEntry(deps: Deps, actor: Actor, input: { question: string; answer: string }): Promise<FaqRecord[]> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const id = await insertFaq(trx, { ...input, position: nextPosition(await listFaq(trx)), at });
    await audit({ action: 'faq.added', entityType: 'faq_entry', entityId: id, details: { question: input.question } });
    return listFaq(trx);
  });
}

export function changeFaqEntry(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { question?: string | undefined; answer?: string | undefined },
): Promise<FaqRecord[]> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    if (!(await updateFaq(trx, id, patch, at))) throw new NotFoundError('question');
    await audit({ action: 'faq.changed', entityType: 'faq_entry', entityId: id, details: { fields: Object.keys(patch) } });
    return listFaq(trx);
  });
}

export function removeFaqEntry(deps: Deps, actor: Actor, id: number): Promise<FaqRecord[]> {
  return auditedChange(deps, actor, async (trx, _at, audit) => {
    const entry = (await listFaq(trx)).find((e) => e.id === id);
    if (!entry || !(await deleteFaq(trx, id))) throw new NotFoundError('question');
    await audit({ action: 'faq.deleted', entityType: 'faq_entry', entityId: id, details: { question: entry.question } });
    return listFaq(trx);
  });
}

const FAQ: OrderedList<FaqRecord> = {
  list: listFaq,
  setPosition: setFaqPosition,
  incomplete: { code: 'FAQ_ORDER_INCOMPLETE', message: 'List every question exactly once in the new order.' },
  audit: { action: 'faq.reordered', entityType: 'faq_entry' },
};

export function reorderFaq(deps: Deps, actor: Actor, ids: number[]): Promise<FaqRecord[]> {
  return reorderList(deps, actor, FAQ, ids);
}

/** The default catalogue, added once at setup (src/features/accounts/setup.service.ts). */
export { seedDefaultFaq } from './default-faq.ts';
