import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { assertRowId } from '../../db/row-id.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { removeStoredFile } from '../../files/stored-files.ts';
import type { ActiveMatchToEnd, EraseBody, ErasurePreview, ErasureResult } from '../../shared/api/personal-data.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { lockUser } from '../accounts/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findMatchRecords, listMatchIdsOfPeople } from '../matches/matches.service.ts';
import { deliverRecorded } from '../notifications/mail.service.ts';
import { endMatchesWithin } from '../rematch/rematch.service.ts';
import {
  blankPersonalFields,
  countOtherActiveStaff,
  deletePersonalRows,
  findPersonToErase,
  replaceEverywhere,
  someoneElsesNameContains,
} from './erasure.store.ts';
import type { PersonToErase } from './erasure.store.ts';

export const ERASED_NAME = 'Erased person';
const erasedEmail = (userId: number) => `erased-${userId}@erased.invalid`;
const ERASED_PHONE = '[erased]';
const END_REASON = 'The person was erased from Tandem.';

const KEPT = [
  'Their matches (with dates, status and scores), goal-sheet status and deadlines, logged contacts, event attendance and survey answers, counted in the program figures without their name.',
  'Anonymous survey answers, which were never linked to them.',
  'The audit log (their account is named "Erased person"), with this erasure recorded.',
];
const REMOVED = [
  'Name, e-mail address and phone number, everywhere they appear (mail, history, saved matching results).',
  'Password, sessions and roles: the account is disabled for good.',
  'Application free text (job title, employer, hopes, confidential preferences), notes on contacts, mentor and re-match requests.',
  'Mentor card and photo, calendar feed, survey drafts, mail addressed to them.',
];

/** Their matches that are still active, as the confirm dialog and the 409 name them. */
async function activeMatchesOf(db: Executor, userId: number): Promise<ActiveMatchToEnd[]> {
  const records = await findMatchRecords(db, await listMatchIdsOfPeople(db, [userId]));
  return records
    .filter((m) => m.status === 'active')
    .sort((a, b) => a.id - b.id)
    .map((m) => {
      const side = m.mentor.userId === userId ? 'mentor' : 'mentee';
      return { id: m.id, periodName: m.periodName, side, partnerName: (side === 'mentor' ? m.mentee : m.mentor).name };
    });
}

async function refusalFor(db: Executor, actor: Actor, person: PersonToErase): Promise<ConflictError | null> {
  if (person.erasedAt !== null) return new ConflictError('ALREADY_ERASED', 'This person has already been erased.');
  if (person.id === actor.userId) {
    return new ConflictError('CANNOT_ERASE_SELF', 'You cannot erase your own account; ask another staff member.');
  }
  if (person.isStaff && !person.disabled && (await countOtherActiveStaff(db, person.id)) === 0) {
    return new ConflictError('LAST_STAFF', 'Tandem needs at least one active staff account; this is the last one.');
  }
  return null;
}

const describeMatches = (matches: readonly ActiveMatchToEnd[]): string =>
  matches.map((m) => `match ${m.id} (${m.periodName}, ${m.side} with ${m.partnerName})`).join('; ');

export async function previewErasure(deps: Pick<Deps, 'db'>, actor: Actor, userId: number): Promise<ErasurePreview> {
  assertRowId(userId, 'person');
  const person = await findPersonToErase(deps.db, userId);
  if (!person) throw new NotFoundError('person');
  const refusal = await refusalFor(deps.db, actor, person);
  return {
    userId,
    name: person.name,
    erased: person.erasedAt !== null,
    refusal: refusal?.message ?? null,
    activeMatches: person.erasedAt !== null ? [] : await activeMatchesOf(deps.db, userId),
    kept: KEPT,
    removed: REMOVED,
  };
}

/**
 * Erases a person in one transaction: active matches end first (only when the caller confirmed
 * it), then what exists only for them is deleted, their own words and details are blanked, and
 * every copy of their name, e-mail and phone elsewhere is replaced. The audit entry names the
 * account id, never the old e-mail.
 */
export async function erasePerson(deps: Deps, actor: Actor, userId: number, body: EraseBody): Promise<ErasureResult> {
  assertRowId(userId, 'person');
  const outboxIds: number[] = [];
  const { result, photoKey } = await deps.db.transaction().execute(async (trx) => {
    // Two staff erasing (or a match being made) at once take turns here: the second reads what the first committed.
    await lockUser(trx, userId);
    const person = await findPersonToErase(trx, userId);
    if (!person) throw new NotFoundError('person');
    const refusal = await refusalFor(trx, actor, person);
    if (refusal) throw refusal;
    const active = await activeMatchesOf(trx, userId);
    if (active.length > 0 && body.activeMatches !== 'end') {
      throw new ConflictError(
        'ACTIVE_MATCH',
        `${person.name} is in ${active.length === 1 ? 'an active match' : `${active.length} active matches`}: ${describeMatches(active)}. ` +
          'Erasing ends ' +
          (active.length === 1 ? 'it' : 'them') +
          ' as staff ending a match would (both people are told; the partner is free for a new match). ' +
          'Confirm with activeMatches: "end", or end the match first. Nothing was changed.',
      );
    }
    const ended = await endMatchesWithin(
      deps,
      trx,
      actor,
      active.map((m) => m.id),
      END_REASON,
      outboxIds,
    );
    const at = toInstant(deps.clock.now());
    const placeholder = { name: ERASED_NAME, email: erasedEmail(userId) };
    const sameName = await someoneElsesNameContains(trx, userId, person.name);
    const { photoKey } = await deletePersonalRows(trx, person);
    await blankPersonalFields(trx, person, placeholder, at);
    await replaceEverywhere(trx, deps.dialect, needles(person, placeholder, sameName));
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'person.erased',
      entityType: 'user',
      entityId: userId,
      details: { endedMatchIds: ended.flatMap((r) => (r.endedMatchId === null ? [] : [r.endedMatchId])) },
      at,
    });
    return {
      result: { userId, erasedAt: at, endedMatchIds: active.map((m) => m.id) },
      photoKey,
    };
  });
  if (photoKey) await removeStoredFile(deps.config.uploadDir, photoKey);
  await deliverRecorded(deps, outboxIds);
  return result;
}

/**
 * What to replace everywhere: the e-mail (also as a URL-encoded mailto), each phone number and
 * the full name, each also as it appears inside JSON text. The name is left where another
 * account's name contains it (replacing it would rename that person in their own records), and
 * where it is too short to be theirs alone: a single short word ("Ann") is inside other words
 * ("Annual"), so only a name of two words or of six characters or more is replaced.
 */
const distinctiveName = (name: string): boolean => /\S\s+\S/.test(name.trim()) || name.trim().length >= 6;

function needles(
  person: PersonToErase,
  placeholder: { name: string; email: string },
  someoneElseHasTheName: boolean,
): { needle: string; replacement: string }[] {
  const base = [
    { needle: person.email, replacement: placeholder.email },
    { needle: encodeURIComponent(person.email), replacement: placeholder.email },
    // A "phone" of a few characters would match ids and dates everywhere; a real number is longer.
    ...person.phones.filter((p) => p.replace(/\D/g, '').length >= 6).map((p) => ({ needle: p, replacement: ERASED_PHONE })),
    ...(someoneElseHasTheName || !distinctiveName(person.name) ? [] : [{ needle: person.name, replacement: placeholder.name }]),
  ];
  const inJson = base.map((r) => ({
    needle: JSON.stringify(r.needle).slice(1, -1),
    replacement: JSON.stringify(r.replacement).slice(1, -1),
  }));
  const seen = new Set<string>();
  // Longest first, so a phone number inside an e-mail address (or a name inside another) cannot
  // leave a fragment behind.
  return [...inJson, ...base].filter((r) => !seen.has(r.needle) && seen.add(r.needle)).sort((a, b) => b.needle.length - a.needle.length);
}
