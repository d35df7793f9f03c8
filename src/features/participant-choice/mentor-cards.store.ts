import type { Executor } from '../../db/executor.ts';
import type { MentorCardRecord } from './mentor-card.types.ts';

export async function findMentorCards(db: Executor, userIds: readonly number[]): Promise<Map<number, MentorCardRecord>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentor_cards')
    .selectAll()
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.user_id,
      { userId: r.user_id, offer: r.offer, photoKey: r.photo_key, photoAlt: r.photo_alt, updatedAt: r.updated_at },
    ]),
  );
}

/** Writes a mentor's card, creating it on the first save. */
export async function saveMentorCard(db: Executor, card: MentorCardRecord): Promise<void> {
  const values = { offer: card.offer, photo_key: card.photoKey, photo_alt: card.photoAlt, updated_at: card.updatedAt };
  await db
    .insertInto('mentor_cards')
    .values({ user_id: card.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
