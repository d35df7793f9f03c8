import type { Kysely } from 'kysely';

/*
 * The staff's attendee list pages through an event's waitlist in waitlist order and works out each
 * waiting person's place on it. With only (event_id, rsvp, attended), each page sorted the whole
 * waitlist before its first row (as did each answer that says where someone stands, and each place
 * that frees up). This index holds the waitlist in order; the id is in it so that PostgreSQL, whose
 * indexes do not end in the row id as SQLite's do, has the tie-breaker in order too. The counts
 * keep their own index (2026-12-15T0910): they need `attended`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('event_invitations_event_waitlist_idx')
    .on('event_invitations')
    .columns(['event_id', 'rsvp', 'waitlist_order', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_invitations_event_waitlist_idx').execute();
}
