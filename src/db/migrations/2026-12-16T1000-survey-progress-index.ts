import type { Kysely } from 'kysely';

/*
 * A survey's response rates (by role, by day) and who has not answered yet were read by loading
 * every invitation with its person into JavaScript: at 100,000 people 4 MB and 0.3 s of the
 * event loop (bench/stalls). They are counted by the database now, and with whether and when
 * each person answered (and their role) in the index, the counts read the index alone and the
 * not-yet list finds its people without reading those who answered. The unique (survey, person)
 * key stays: a page in name order looks each person up by it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('survey_invitations_survey_answered_idx')
    .on('survey_invitations')
    .columns(['survey_id', 'responded_on', 'role'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_invitations_survey_answered_idx').execute();
}
