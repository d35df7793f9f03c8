import type { Executor } from '../../db/executor.ts';
import { NotFoundError } from '../../errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { clockOf } from './event-view.ts';
import { eventPhase, maySeeArchive } from './event.rules.ts';
import { findInvitation } from './event-invitations.store.ts';
import { findEvent } from './events.store.ts';
import type { EventRecord } from './events.store.ts';

/**
 * The event if this person may see it: staff see every event; others the events they are
 * invited to, and past events staff opened to later cohorts. Anything else is "no such event".
 */
export async function visibleEvent(db: Executor, actor: Actor, id: number, now: Date): Promise<EventRecord> {
  const event = await findEvent(db, id);
  if (!event) throw new NotFoundError('event');
  if (hasRole(actor, 'staff')) return event;
  if (event.status === 'draft') throw new NotFoundError('event');
  const invited = (await findInvitation(db, id, actor.userId)) !== undefined;
  if (invited) return event;
  const past = eventPhase(clockOf(event), now) === 'past';
  if (
    past &&
    maySeeArchive({ isStaff: false, invited, openToLaterCohorts: event.openToLaterCohorts, audience: event.audience, roles: actor.roles })
  )
    return event;
  throw new NotFoundError('event');
}
