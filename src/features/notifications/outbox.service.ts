import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { findOutbox, listOutbox, listOutboxKinds } from './outbox.store.ts';

/** The outbox as staff read it, a page at a time, with how mail is delivered (SMTP, or the outbox alone). */
export async function readOutbox(deps: Pick<Deps, 'db' | 'mailer'>, query: Parameters<typeof listOutbox>[1]) {
  const [page, kinds] = await Promise.all([listOutbox(deps.db, query), listOutboxKinds(deps.db)]);
  return { ...page, kinds, delivery: deps.mailer.delivery };
}

export async function readOutboxMessage(deps: Pick<Deps, 'db'>, id: number) {
  const message = await findOutbox(deps.db, id);
  if (!message) throw new NotFoundError('message');
  return message;
}
