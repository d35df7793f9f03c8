import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { findOutbox, listOutbox } from './outbox.store.ts';

/** The outbox as staff read it, a page at a time, with how mail is delivered (SMTP, or the outbox alone). */
export async function readOutbox(deps: Pick<Deps, 'db' | 'mailer'>, query: Parameters<typeof listOutbox>[1]) {
  return { ...(await listOutbox(deps.db, query)), delivery: deps.mailer.delivery };
}

export async function readOutboxMessage(deps: Pick<Deps, 'db'>, id: number) {
  const message = await findOutbox(deps.db, id);
  if (!message) throw new NotFoundError('message');
  return message;
}
