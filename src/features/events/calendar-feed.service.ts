import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { findUserById } from '../accounts/people.service.ts';
import { hashToken, newToken } from '../accounts/tokens.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { calendarFeedIcs, organizerFrom } from './event-calendar.ts';
import { calendarEventOf } from './event-view.ts';
import { deleteFeed, findFeedOf, findFeedUser, replaceFeed, touchFeed } from './calendar-feeds.store.ts';
import { invitedEventIds, listEvents } from './events.store.ts';

/**
 * A person's calendar feed: a secret address their calendar app subscribes to, holding every
 * event they are invited to. Only the address's hash is stored (like sessions and links), so it
 * is shown once, when made; making a new one, or turning it off, stops the old one at once.
 */

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
  url: string | null;
}

export async function calendarFeedOf(deps: Pick<Deps, 'db'>, actor: Actor): Promise<CalendarFeedStatus> {
  const feed = await findFeedOf(deps.db, actor.userId);
  return { active: feed !== undefined, createdAt: feed?.createdAt ?? null, url: null };
}

export async function makeCalendarFeed(deps: Deps, actor: Actor): Promise<CalendarFeedStatus> {
  const token = newToken();
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await replaceFeed(trx, actor.userId, hashToken(token), at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'calendar_feed.made',
      entityType: 'user',
      entityId: actor.userId,
      details: {},
      at,
    });
  });
  return { active: true, createdAt: at, url: `${appOrigin(deps.config)}/api/calendar-feeds/${token}/events.ics` };
}

export async function turnOffCalendarFeed(deps: Deps, actor: Actor): Promise<CalendarFeedStatus> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await deleteFeed(trx, actor.userId);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'calendar_feed.revoked',
      entityType: 'user',
      entityId: actor.userId,
      details: {},
      at,
    });
  });
  return { active: false, createdAt: null, url: null };
}

/** The feed itself: published and cancelled events the person is invited to (drafts never). */
export async function calendarFeedFile(deps: Deps, token: string): Promise<string> {
  const userId = await findFeedUser(deps.db, hashToken(token));
  if (userId === undefined) throw new NotFoundError('calendar feed');
  const user = await findUserById(deps.db, userId);
  if (!user || user.disabled) throw new NotFoundError('calendar feed');
  const settings = await getSettings(deps);
  const events = await listEvents(deps.db, { ids: await invitedEventIds(deps.db, userId), statuses: ['published', 'cancelled'] });
  await touchFeed(deps.db, userId, toInstant(deps.clock.now()));
  const origin = appOrigin(deps.config);
  return calendarFeedIcs({
    programName: settings.programName,
    events: events.map((e) => calendarEventOf(e, origin)),
    organizer: organizerFrom(deps.config.mailFrom, settings.programName),
  });
}
