import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // How a period's pairs are made: 'committee' | 'participant_choice' | 'hybrid'.
  await db.schema
    .alterTable('periods')
    .addColumn('matching_mode', 'varchar(20)', (c) => c.notNull().defaultTo('committee'))
    .execute();
  // How many mentors a mentee may ask at once, and how many days a mentor has to answer.
  await db.schema
    .alterTable('program_settings')
    .addColumn('requests_at_once', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('program_settings')
    .addColumn('request_expiry_days', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();

  // What a mentee may see of a mentor before a match, written by the mentor.
  await db.schema
    .createTable('mentor_cards')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    /** A short "what I offer", in the mentor's words. */
    .addColumn('offer', 'text', (c) => c.notNull())
    /** Storage key of the resized photo under the upload directory, or null. */
    .addColumn('photo_key', 'varchar(40)')
    .addColumn('photo_alt', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // A mentee asks a mentor (participant choice).
  await db.schema
    .createTable('mentor_requests')
    .addColumn('id', 'integer', id)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('mentee_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentor_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentee_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('mentor_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    /** 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'cancelled' */
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('answer_note', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('match_id', 'integer', (c) => c.references('matches.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentor_requests_period_idx').on('mentor_requests').column('period_id').execute();
  await db.schema.createIndex('mentor_requests_mentor_idx').on('mentor_requests').columns(['mentor_user_id', 'status']).execute();
  await db.schema.createIndex('mentor_requests_mentee_idx').on('mentor_requests').columns(['mentee_user_id', 'status']).execute();
  // One open request per mentee and mentor: asking twice at once is refused by the database too.
  await db.schema
    .createIndex('mentor_requests_pending_uq')
    .on('mentor_requests')
    .columns(['mentee_user_id', 'mentor_user_id'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('mentor_requests_expiry_idx').on('mentor_requests').columns(['status', 'expires_at']).execute();

  // Hybrid mode: the mentors a mentee would like, in ranked order, for the committee's run.
  await db.schema
    .createTable('mentee_wishes')
    .addColumn('mentee_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('mentor_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentee_wishes_pk', ['mentee_application_id', 'mentor_application_id'])
    .execute();

  // The suggestions last computed for a period, and the pool they were computed from.
  await db.schema
    .createTable('suggestion_sets')
    .addColumn('period_id', 'integer', (c) => c.primaryKey().references('periods.id').onDelete('cascade'))
    .addColumn('fingerprint', 'varchar(80)', (c) => c.notNull())
    /** JSON: per mentee application, the suggested mentors, best first; and each mentor's demand. */
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestion_sets').execute();
  await db.schema.dropTable('mentee_wishes').execute();
  await db.schema.dropTable('mentor_requests').execute();
  await db.schema.dropTable('mentor_cards').execute();
  await db.schema.alterTable('program_settings').dropColumn('request_expiry_days').execute();
  await db.schema.alterTable('program_settings').dropColumn('requests_at_once').execute();
  await db.schema.alterTable('periods').dropColumn('matching_mode').execute();
}
