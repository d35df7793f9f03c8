import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, PermissionError, RuleViolationError } from '../../errors.ts';
import type { ContactLog, LogContact } from '../../shared/api/activities.ts';
import type { Channel } from '../../shared/channels.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { todayIn } from '../matches/match-dates.rules.ts';
import { getSettings } from '../programs/program.service.ts';
import { findActivity } from './activities.store.ts';
import { channelProblem, contactAccess, contactDateProblem, contactSummary } from './contact.rules.ts';
import type { Problem } from './contact.rules.ts';
import { deleteContact, findContactOwner, findMatchForLog, insertContact, listContactsOfMatch } from './contacts.store.ts';
import type { MatchForLog } from './contacts.store.ts';

const NOT_A_PARTY = () =>
  new PermissionError(
    'NOT_A_PARTY',
    'Only the mentor and the mentee of a match log its contacts. The program office can read the log but not write it.',
  );
const MATCH_ENDED = () => new ConflictError('MATCH_ENDED', 'This match has ended, so no more contacts can be logged for it.');
const NOT_YOUR_CONTACT = () => new PermissionError('NOT_YOUR_CONTACT', 'Only the person who logged a contact can delete it.');

const violation = (p: Problem) => new RuleViolationError(p.code, p.message, [{ path: p.path, message: p.message }]);

/** The match, if the caller may know it exists: one of the pair or staff. Anyone else gets 404. */
async function visibleMatch(db: Executor, actor: Actor, matchId: number): Promise<{ match: MatchForLog; access: 'party' | 'staff' }> {
  const match = await findMatchForLog(db, matchId);
  const access = match ? contactAccess(actor, match) : 'none';
  if (!match || access === 'none') throw new NotFoundError('match');
  return { match, access };
}

/** The pair's log with the summary the match page shows; staff read it too. */
export async function getContactLog(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, matchId: number): Promise<ContactLog> {
  const settings = await getSettings(deps);
  const { match, access } = await visibleMatch(deps.db, actor, matchId);
  const contacts = await listContactsOfMatch(deps.db, matchId);
  const today = todayIn(settings.timeZone, deps.clock.now());
  return {
    matchId,
    canLog: access === 'party' && match.status === 'active',
    channels: settings.channels,
    summary: {
      today,
      matchedOn: calendarDateIn(settings.timeZone, new Date(match.matchedAt)),
      ...contactSummary(
        contacts.map((c) => c.occurredOn),
        today,
        settings.contactsPerMonth,
      ),
    },
    contacts: contacts.map((c) => ({ ...c, canDelete: c.loggedBy?.id === actor.userId })),
  };
}

/**
 * One of the pair notes a contact. Every rule is checked inside the transaction that writes it,
 * so a refused contact leaves nothing behind.
 */
export async function logContact(deps: Deps, actor: Actor, matchId: number, input: LogContact): Promise<ContactLog> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { match, access } = await visibleMatch(trx, actor, matchId);
    if (access !== 'party') throw NOT_A_PARTY();
    if (match.status !== 'active') throw MATCH_ENDED();
    const occurredOn = input.occurredOn ?? todayIn(settings.timeZone, now);
    const problem =
      contactDateProblem(occurredOn, { matchedAt: match.matchedAt, timeZone: settings.timeZone, now }) ??
      channelProblem(input.channel, settings.channels);
    if (problem) throw violation(problem);
    const activityId = input.activityId ?? null;
    if (activityId !== null) {
      const activity = await findActivity(trx, activityId);
      if (!activity)
        throw violation({
          code: 'UNKNOWN_ACTIVITY',
          path: 'activityId',
          message: 'That activity is not in the catalogue. Pick one from the list, or none.',
        });
      if (activity.retired) {
        throw violation({
          code: 'ACTIVITY_RETIRED',
          path: 'activityId',
          message: `“${activity.title}” is no longer offered. Pick another activity, or none.`,
        });
      }
    }
    await insertContact(trx, {
      matchId,
      loggedBy: actor.userId,
      occurredOn,
      channel: input.channel as Channel,
      activityId,
      note: input.note ?? '',
      at: toInstant(now),
    });
  });
  return getContactLog(deps, actor, matchId);
}

/**
 * Only the person who logged a contact deletes it. Whoever can read the log (the partner, staff)
 * is told why they can't (403); anyone else learns nothing (404).
 */
export async function removeContact(deps: Deps, actor: Actor, contactId: number): Promise<ContactLog> {
  const matchId = await deps.db.transaction().execute(async (trx) => {
    const contact = await findContactOwner(trx, contactId);
    const match = contact && (await findMatchForLog(trx, contact.matchId));
    if (!contact || !match) throw new NotFoundError('contact');
    if (contact.loggedBy !== actor.userId) {
      if (contactAccess(actor, match) === 'none') throw new NotFoundError('contact');
      throw NOT_YOUR_CONTACT();
    }
    await deleteContact(trx, contactId);
    return contact.matchId;
  });
  return getContactLog(deps, actor, matchId);
}
