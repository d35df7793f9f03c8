import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/*
 * A reminder round mailed everyone it owed in one job: at 100,000 people 23,000 messages in one
 * transaction, and the server answered nobody for 7 seconds. It now mails a batch per job, and
 * each batch finds the next people still owed the round through this index of the invitations
 * not answered, by survey and the last round each was sent: those reminded leave the part of the
 * index a batch reads, so no batch reads the ones before it did.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('survey_invitations_owed_reminder_idx')
    .on('survey_invitations')
    .columns(['survey_id', 'last_reminder'])
    .where(sql.ref('responded_on'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_invitations_owed_reminder_idx').execute();
}
