import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { toInstant } from '../../time/instant.ts';
import { recordMail } from '../notifications/mail.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { placesToFill } from './event.rules.ts';
import { placeOpenedMail } from './event-mails.ts';
import { countRsvps, listWaitlist, setRsvp } from './event-invitations.store.ts';
import { mailEventOf } from './event-view.ts';
import { findEvent } from './events.store.ts';

/**
 * Gives free places to the first on the waitlist, each with an e-mail, inside the caller's
 * transaction (which holds the event's lock). Returns the outbox ids to deliver after commit.
 * Nobody moves up once the event has started: a place then is no use to anyone.
 */
export async function fillFreedPlaces(deps: Pick<Deps, 'config' | 'db'>, trx: Executor, eventId: number, now: Date): Promise<number[]> {
  const event = await findEvent(trx, eventId);
  if (!event || event.status !== 'published' || Date.parse(event.startsAt) <= now.getTime()) return [];
  const waiting = await listWaitlist(trx, eventId);
  if (waiting.length === 0) return [];
  const yes = (await countRsvps(trx, [eventId])).get(eventId)?.yes ?? 0;
  const n = placesToFill(event.capacity, yes, waiting.length);
  if (n === 0) return [];
  const programName = (await findSettings(trx))?.programName ?? 'Tandem';
  const at = toInstant(now);
  const outboxIds: number[] = [];
  for (const person of waiting.slice(0, n)) {
    await setRsvp(trx, person.id, { rsvp: 'yes', respondedAt: at, waitlistedAt: null, waitlistOrder: null });
    if (person.disabled) continue;
    outboxIds.push(
      await recordMail(
        trx,
        now,
        placeOpenedMail({
          programName,
          to: { address: person.email, name: person.name },
          event: mailEventOf(event, appOrigin(deps.config)),
        }),
      ),
    );
  }
  return outboxIds;
}
