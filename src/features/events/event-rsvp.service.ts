import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { ConflictError, GoneError, NotFoundError } from '../../errors.ts';
import type { RsvpLinkView, RsvpResult } from '../../shared/api/events.ts';
import type { RsvpResponse } from '../../shared/events.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hashToken } from '../accounts/tokens.ts';
import { deliverRecorded } from '../notifications/mail.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { eventPhase, rsvpOpen, rsvpOutcome, rsvpRefusal } from './event.rules.ts';
import { countRsvps, findInvitation, findInvitationByLink, findInvitationById, listWaitlist, setRsvp } from './event-invitations.store.ts';
import type { InvitationRecord } from './event-invitations.store.ts';
import { findEvent, lockEvent } from './events.store.ts';
import type { EventRecord } from './events.store.ts';
import { clockOf } from './event-view.ts';
import { fillFreedPlaces } from './waitlist.ts';

/**
 * One answer, in one transaction that holds the event's lock: a "yes" takes a free place, or
 * the waitlist when asked for; a place given up goes to the first on the waitlist (with an
 * e-mail). An answer to a cancelled, past or closed event changes nothing.
 */
async function answer(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer' | 'log'>,
  invitationId: number,
  response: RsvpResponse,
  joinWaitlist: boolean,
): Promise<RsvpResult> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const { result, outboxIds } = await deps.db.transaction().execute(async (trx) => {
    const first = await findInvitationById(trx, invitationId);
    if (!first) throw new NotFoundError('event');
    const counter = await lockEvent(trx, first.eventId);
    const event = await findEvent(trx, first.eventId);
    const invitation = await findInvitationById(trx, invitationId);
    if (!event || !invitation) throw new NotFoundError('event');
    const refusal = rsvpRefusal(clockOf(event), now);
    if (refusal) {
      const Refusal = refusal.code === 'EVENT_CANCELLED' || refusal.code === 'EVENT_OVER' ? GoneError : ConflictError;
      throw new Refusal(refusal.code, refusal.message);
    }
    const yes = (await countRsvps(trx, [event.id])).get(event.id)?.yes ?? 0;
    const state = rsvpOutcome({ capacity: event.capacity, yesCount: yes, current: invitation.rsvp, response, joinWaitlist });
    if (state === 'full') {
      throw new ConflictError(
        'EVENT_FULL',
        `All ${event.capacity} places are taken. You can join the waitlist: if a place opens up, it is yours and we will e-mail you.`,
      );
    }
    const stays = state === 'waitlist' && invitation.rsvp === 'waitlist';
    await setRsvp(trx, invitation.id, {
      rsvp: state,
      respondedAt: at,
      waitlistedAt: state !== 'waitlist' ? null : stays ? invitation.waitlistedAt : at,
      waitlistOrder: state !== 'waitlist' ? null : stays ? invitation.waitlistOrder : counter,
    });
    const outboxIds = invitation.rsvp === 'yes' && state !== 'yes' ? await fillFreedPlaces(deps, trx, event.id, now) : [];
    return { result: { eventId: event.id, state, waitlistPosition: await waitlistPosition(trx, event.id, invitation.id) }, outboxIds };
  });
  await deliverRecorded(deps, outboxIds);
  return result;
}

async function waitlistPosition(db: Executor, eventId: number, invitationId: number): Promise<number | null> {
  const index = (await listWaitlist(db, eventId)).findIndex((w) => w.id === invitationId);
  return index < 0 ? null : index + 1;
}

/** A signed-in person answers an event they are invited to (anyone else: no such event). */
export async function rsvpAsMember(
  deps: Deps,
  actor: Actor,
  eventId: number,
  response: RsvpResponse,
  joinWaitlist = false,
): Promise<RsvpResult> {
  const invitation = await findInvitation(deps.db, eventId, actor.userId);
  if (!invitation) throw new NotFoundError('event');
  const event = await findEvent(deps.db, eventId);
  if (!event || event.status === 'draft') throw new NotFoundError('event');
  return answer(deps, invitation.id, response, joinWaitlist);
}

const UNKNOWN_LINK = () => new NotFoundError('answer link');

async function invitationOfLink(deps: Pick<Deps, 'db'>, token: string): Promise<{ invitation: InvitationRecord; event: EventRecord }> {
  const invitation = await findInvitationByLink(deps.db, hashToken(token));
  if (!invitation || invitation.disabled) throw UNKNOWN_LINK();
  const event = await findEvent(deps.db, invitation.eventId);
  if (!event) throw UNKNOWN_LINK();
  return { invitation, event };
}

/**
 * The one-click link of an e-mail: it answers for the one person and the one event it was made
 * for, no sign-in needed; after the event it answers nothing. Changes nothing by itself.
 */
export async function viewRsvpLink(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<RsvpLinkView> {
  const { invitation, event } = await invitationOfLink(deps, token);
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  return {
    programName: settings.programName,
    personName: invitation.name,
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      phase: eventPhase(clockOf(event), now),
      timeZone: event.timeZone,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      joinUrl: event.joinUrl,
      place: event.place,
    },
    state: invitation.rsvp,
    rsvpOpen: rsvpOpen(clockOf(event), now),
  };
}

export async function rsvpByLink(deps: Deps, token: string, response: RsvpResponse, joinWaitlist = false): Promise<RsvpResult> {
  const { invitation } = await invitationOfLink(deps, token);
  return answer(deps, invitation.id, response, joinWaitlist);
}
