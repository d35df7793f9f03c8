import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // A mentee application was in at most one match per period, ever; a re-match gives it a second
  // one after the first ended. What must hold is one ACTIVE match per mentee application (the
  // old index implied it, so no existing data can break the new one).
  await db.schema.dropIndex('matches_mentee_period_uq').execute();
  await db.schema
    .createIndex('matches_active_mentee_application_uq')
    .on('matches')
    .column('mentee_application_id')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  // Why and by whom a match ended, and the committee member who looks after the pair. User ids
  // without a foreign key: SQLite cannot drop a column that has one, so `down` could not undo
  // them (users are disabled, never deleted, so nothing dangles).
  await db.schema.alterTable('matches').addColumn('end_reason', 'text').execute();
  await db.schema.alterTable('matches').addColumn('ended_by', 'integer').execute();
  await db.schema.alterTable('matches').addColumn('liaison_user_id', 'integer').execute();
  await db.schema.createIndex('matches_liaison_idx').on('matches').column('liaison_user_id').execute();
  await db.schema.createIndex('matches_mentee_status_idx').on('matches').columns(['mentee_user_id', 'status']).execute();
  await db.schema.createIndex('matches_mentor_status_idx').on('matches').columns(['mentor_user_id', 'status']).execute();

  // A carried-over application starts as 'submitted' (the applicant asked) or 'accepted' (staff
  // placed the person in the next period's pool after a re-match request or an ended match).
  await db.schema
    .alterTable('applications')
    .addColumn('carry_forward_as', 'varchar(20)', (c) => c.notNull().defaultTo('submitted'))
    .execute();

  // Whether the matching committee may act on the re-match queue (otherwise it reads it).
  await db.schema
    .alterTable('program_settings')
    .addColumn('committee_handles_rematch', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('rematch_requests')
    .addColumn('id', 'integer', id)
    .addColumn('match_id', 'integer', (c) => c.notNull().references('matches.id').onDelete('cascade'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('side', 'varchar(10)', (c) => c.notNull())
    /** Seen by staff (and the committee) only: never by the partner. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('wishes', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rematch_requests_status_idx').on('rematch_requests').columns(['status', 'created_at']).execute();
  // One open request per person per match, kept by the database itself: two quick clicks or two
  // tabs cannot both insert one.
  await db.schema
    .createIndex('rematch_requests_one_open_idx')
    .on('rematch_requests')
    .columns(['match_id', 'requested_by'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();

  // A match's history for staff: made, requests, re-matched, ended, liaison, check-ins.
  await db.schema
    .createTable('match_events')
    .addColumn('id', 'integer', id)
    .addColumn('match_id', 'integer', (c) => c.notNull().references('matches.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    /** JSON, per kind */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('match_events_match_idx').on('match_events').columns(['match_id', 'id']).execute();

  // A staff check-in: both people get two one-click answers; "I'd like to talk" raises a flag.
  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'integer', id)
    .addColumn('match_id', 'integer', (c) => c.notNull().references('matches.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** SHA-256 of the link's token, as for invitations: the database alone cannot answer for anyone. */
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('sent_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('answer', 'varchar(20)')
    .addColumn('answered_at', 'varchar(30)')
    /** Staff mark a "let's talk" flag as handled. */
    .addColumn('handled_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('handled_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('check_ins_match_idx').on('check_ins').columns(['match_id', 'sent_at']).execute();

  // Earlier matches have no "made" entry: give them one so every history starts at the beginning.
  await sql`
    insert into match_events (match_id, kind, actor_id, details, created_at)
    select id, 'made', null, '{}', matched_at from matches
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_ins').execute();
  await db.schema.dropTable('match_events').execute();
  await db.schema.dropTable('rematch_requests').execute();
  await db.schema.alterTable('program_settings').dropColumn('committee_handles_rematch').execute();
  await db.schema.alterTable('applications').dropColumn('carry_forward_as').execute();
  await db.schema.dropIndex('matches_mentor_status_idx').execute();
  await db.schema.dropIndex('matches_mentee_status_idx').execute();
  await db.schema.dropIndex('matches_liaison_idx').execute();
  await db.schema.alterTable('matches').dropColumn('liaison_user_id').execute();
  await db.schema.alterTable('matches').dropColumn('ended_by').execute();
  await db.schema.alterTable('matches').dropColumn('end_reason').execute();
  await db.schema.dropIndex('matches_active_mentee_application_uq').execute();
  await db.schema.createIndex('matches_mentee_period_uq').on('matches').columns(['period_id', 'mentee_application_id']).unique().execute();
}
