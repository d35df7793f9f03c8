import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { NotFoundError, RuleViolationError } from '../../errors.ts';
import { UploadError } from '../../files/upload-parser.ts';
import { removeStoredFile } from '../../files/stored-files.ts';
import type { StoredFile } from '../../files/stored-files.ts';
import type { MentorCard, MyMentorCard, UpdateMentorCardBody } from '../../shared/api/mentor-choice.ts';
import { PHOTO_ALT_MAX } from '../../shared/matching-modes.ts';
import { CHOOSING_MODES } from '../../shared/matching-modes.ts';
import { toInstant } from '../../time/instant.ts';
import { hasRole } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listApplicationsOfUser } from '../applications/applications.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { havePartnered } from '../matches/matches.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { CANDIDATE_STATUSES } from '../rematch/rematch-candidates.rules.ts';
import { mentorCardView } from './mentor-card.rules.ts';
import { findMentorCards, saveMentorCard } from './mentor-cards.store.ts';
import type { MentorCardRecord } from './mentor-card.types.ts';
import { storeResizedPhoto } from './mentor-photo.ts';

/** Cards for these mentor applications, keyed by the mentor's user id. */
export async function cardsFor(db: Executor, mentors: readonly ApplicationRecord[]): Promise<Map<number, MentorCard>> {
  const written = await findMentorCards(db, [...new Set(mentors.map((m) => m.userId))]);
  return new Map(mentors.map((m) => [m.userId, mentorCardView(m, written.get(m.userId))]));
}

/** The person's newest mentor application: what their card shows. */
async function newestMentorApplication(db: Executor, userId: number): Promise<ApplicationRecord | undefined> {
  return (await listApplicationsOfUser(db, userId)).find((a) => a.role === 'mentor');
}

export async function getMyMentorCard(deps: Pick<Deps, 'db'>, actor: Actor): Promise<MyMentorCard> {
  const application = await newestMentorApplication(deps.db, actor.userId);
  if (!application) return { isMentor: false, card: null };
  return { isMentor: true, card: (await cardsFor(deps.db, [application])).get(actor.userId) ?? null };
}

const NOT_A_MENTOR = () =>
  new RuleViolationError('NOT_A_MENTOR', 'Only mentors have a card: apply as a mentor first.', [
    { path: 'offer', message: 'Apply as a mentor first.' },
  ]);

async function currentCard(db: Executor, userId: number, at: string): Promise<MentorCardRecord> {
  return (await findMentorCards(db, [userId])).get(userId) ?? { userId, offer: '', photoKey: null, photoAlt: '', updatedAt: at };
}

export async function updateMyMentorCard(deps: Deps, actor: Actor, body: UpdateMentorCardBody): Promise<MyMentorCard> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await newestMentorApplication(trx, actor.userId))) throw NOT_A_MENTOR();
    const at = toInstant(deps.clock.now());
    const card = await currentCard(trx, actor.userId, at);
    const photoAlt = body.photoAlt ?? card.photoAlt;
    if (card.photoKey && photoAlt === '') {
      throw new RuleViolationError('PHOTO_ALT_REQUIRED', 'Describe your photo for people who cannot see it.', [
        { path: 'photoAlt', message: 'Describe your photo.' },
      ]);
    }
    await saveMentorCard(trx, { ...card, offer: body.offer, photoAlt, updatedAt: at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'mentor_card.updated',
      entityType: 'user',
      entityId: actor.userId,
      details: {},
      at,
    });
  });
  return getMyMentorCard(deps, actor);
}

/**
 * A new photo for the mentor's card, from an upload: resized into a new stored file; the upload
 * itself and any earlier photo are removed. A photo needs words for people who cannot see it.
 */
export async function setMyMentorPhoto(
  deps: Deps,
  actor: Actor,
  fields: Record<string, string>,
  upload: StoredFile,
): Promise<MyMentorCard> {
  const uploadDir = deps.config.uploadDir;
  let resized: { key: string } | null = null;
  let replaced: string | null = null;
  try {
    const alt = (fields.alt ?? '').trim();
    if (alt.length === 0 || alt.length > PHOTO_ALT_MAX) {
      throw new UploadError(
        400,
        'VALIDATION_FAILED',
        `Describe the photo in a few words (up to ${PHOTO_ALT_MAX} characters) for people who cannot see it.`,
      );
    }
    if (!(await newestMentorApplication(deps.db, actor.userId))) throw NOT_A_MENTOR();
    resized = await storeResizedPhoto(uploadDir, upload.key);
    const key = resized.key;
    replaced = await deps.db.transaction().execute(async (trx) => {
      const at = toInstant(deps.clock.now());
      const card = await currentCard(trx, actor.userId, at);
      await saveMentorCard(trx, { ...card, photoKey: key, photoAlt: alt, updatedAt: at });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'mentor_card.photo_set',
        entityType: 'user',
        entityId: actor.userId,
        details: {},
        at,
      });
      return card.photoKey;
    });
  } catch (err) {
    if (resized) await removeStoredFile(uploadDir, resized.key);
    throw err;
  } finally {
    await removeStoredFile(uploadDir, upload.key);
  }
  if (replaced) await removeStoredFile(uploadDir, replaced);
  return getMyMentorCard(deps, actor);
}

export async function removeMyMentorPhoto(deps: Deps, actor: Actor): Promise<MyMentorCard> {
  const removed = await deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    const card = await currentCard(trx, actor.userId, at);
    if (!card.photoKey) return null;
    await saveMentorCard(trx, { ...card, photoKey: null, photoAlt: '', updatedAt: at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'mentor_card.photo_removed',
      entityType: 'user',
      entityId: actor.userId,
      details: {},
      at,
    });
    return card.photoKey;
  });
  if (removed) await removeStoredFile(deps.config.uploadDir, removed);
  return getMyMentorCard(deps, actor);
}

/**
 * Who may see a mentor's photo: the mentor, staff and the committee, anyone ever matched with
 * them, and a mentee choosing in a period where the mentor offers places. Anyone else gets a 404,
 * as if there were no photo.
 */
async function mayViewCard(db: Executor, actor: Actor, mentorUserId: number): Promise<boolean> {
  if (actor.userId === mentorUserId || hasRole(actor, 'staff') || hasRole(actor, 'committee')) return true;
  if (await havePartnered(db, mentorUserId, actor.userId)) return true;
  const mine = (await listApplicationsOfUser(db, actor.userId)).filter(
    (a) => a.role === 'mentee' && (a.status === 'accepted' || a.status === 'matched'),
  );
  if (mine.length === 0) return false;
  const theirs = (await listApplicationsOfUser(db, mentorUserId)).filter(
    (a) => a.role === 'mentor' && CANDIDATE_STATUSES.includes(a.status),
  );
  for (const a of mine) {
    if (!theirs.some((t) => t.periodId === a.periodId)) continue;
    const period = await findPeriod(db, a.periodId);
    if (period && CHOOSING_MODES.includes(period.matchingMode)) return true;
  }
  return false;
}

export async function mentorPhotoFor(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  mentorUserId: number,
): Promise<{ file: StoredFile; storedAt: string }> {
  const card = (await findMentorCards(deps.db, [mentorUserId])).get(mentorUserId);
  if (!card?.photoKey || !(await mayViewCard(deps.db, actor, mentorUserId))) throw new NotFoundError('photo');
  return { file: { key: card.photoKey, name: 'photo.webp', type: 'image/webp', size: 0 }, storedAt: card.updatedAt };
}
