import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // A message may carry one calendar file (an event's invitation, update or cancellation).
  // METHOD is kept apart so SMTP delivery can send it as a proper calendar invitation.
  await db.schema.alterTable('outbox').addColumn('calendar_ics', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('calendar_method', 'varchar(20)').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** The wall-clock start as staff entered it, and its zone; starts_at/ends_at are the instants. */
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('join_url', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('period_id', 'integer', (c) => c.references('periods.id').onDelete('set null'))
    .addColumn('capacity', 'integer')
    .addColumn('rsvp_deadline_date', 'varchar(10)')
    .addColumn('rsvp_deadline_time', 'varchar(5)')
    .addColumn('rsvp_deadline_at', 'varchar(30)')
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    /** RFC 5545 UID (stable for the event's life) and SEQUENCE (grows with each change sent). */
    .addColumn('uid', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    /** Bumped by every answer: the row lock that keeps two answers from taking one last place. */
    .addColumn('rsvp_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_to_later_cohorts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)')
    .addColumn('cancelled_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('events_status_start_idx').on('events').columns(['status', 'starts_at']).execute();

  // One row per person invited: their answer, waitlist place, attendance and which version of the
  // event they were last sent (so each invitation, update or cancellation goes out once).
  await db.schema
    .createTable('event_invitations')
    .addColumn('id', 'integer', id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_at', 'varchar(30)', (c) => c.notNull())
    /** null until the invitation e-mail went out; then the SEQUENCE of the last message sent. */
    .addColumn('sent_sequence', 'integer')
    .addColumn('rsvp', 'varchar(20)')
    .addColumn('responded_at', 'varchar(30)')
    .addColumn('waitlisted_at', 'varchar(30)')
    /** The event's answer counter when they joined the waitlist: first come, first served, no ties. */
    .addColumn('waitlist_order', 'integer')
    .addColumn('attended', 'integer')
    .addColumn('attendance_source', 'varchar(20)')
    .addColumn('attendance_marked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('attendance_marked_at', 'varchar(30)')
    .addUniqueConstraint('event_invitations_event_user_uq', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_invitations_user_idx').on('event_invitations').column('user_id').execute();
  await db.schema.createIndex('event_invitations_event_rsvp_idx').on('event_invitations').columns(['event_id', 'rsvp']).execute();

  // The one-click answer links in e-mails: a fresh random token per message, only its hash kept.
  await db.schema
    .createTable('event_rsvp_links')
    .addColumn('id', 'integer', id)
    .addColumn('invitation_id', 'integer', (c) => c.notNull().references('event_invitations.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // After the event: the recording and the slides, each a link or an uploaded file.
  await db.schema
    .createTable('event_media')
    .addColumn('id', 'integer', id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_key', 'varchar(40)')
    .addColumn('file_name', 'text')
    .addColumn('file_type', 'varchar(120)')
    .addColumn('file_size', 'integer')
    .addColumn('added_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('event_media_event_kind_uq', ['event_id', 'kind'])
    .execute();

  // A person's calendar feed: the secret address's hash; a new address replaces the old.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('event_media').execute();
  await db.schema.dropTable('event_rsvp_links').execute();
  await db.schema.dropTable('event_invitations').execute();
  await db.schema.dropTable('events').execute();
  await db.schema.alterTable('outbox').dropColumn('calendar_method').execute();
  await db.schema.alterTable('outbox').dropColumn('calendar_ics').execute();
}
