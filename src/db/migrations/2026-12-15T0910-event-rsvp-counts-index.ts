import type { Kysely } from 'kysely';

/*
 * Every events page counts each event's answers and attendance (the staff's list, and each
 * participant's own events). With `attended` outside the index, each count read every invitation's
 * row: 0.2-0.35 s for eight events of 30,000 invitations (bench/stalls). With it in the index the
 * counts read the index alone (20 ms). The new index starts with the old one's columns, so it
 * serves its reads too (the waitlist, an event's answers) and replaces it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('event_invitations_event_rsvp_attended_idx')
    .on('event_invitations')
    .columns(['event_id', 'rsvp', 'attended'])
    .execute();
  await db.schema.dropIndex('event_invitations_event_rsvp_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('event_invitations_event_rsvp_idx').on('event_invitations').columns(['event_id', 'rsvp']).execute();
  await db.schema.dropIndex('event_invitations_event_rsvp_attended_idx').execute();
}
