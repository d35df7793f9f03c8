import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // Who may submit a goal sheet ('mentee' as in the model program, or 'either'), and after how
  // many weeks without a logged contact a match counts as quiet.
  await db.schema
    .alterTable('program_settings')
    .addColumn('goal_sheet_submitter', 'varchar(10)', (c) => c.notNull().defaultTo('mentee'))
    .execute();
  await db.schema
    .alterTable('program_settings')
    .addColumn('quiet_after_weeks', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();

  await db.schema
    .createTable('goal_sheets')
    .addColumn('id', 'integer', id)
    .addColumn('match_id', 'integer', (c) => c.notNull().unique().references('matches.id').onDelete('cascade'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('first_submitted_at', 'varchar(30)')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'varchar(30)')
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_sheets_status_idx').on('goal_sheets').column('status').execute();

  await db.schema
    .createTable('goal_sheet_versions')
    .addColumn('id', 'integer', id)
    .addColumn('goal_sheet_id', 'integer', (c) => c.notNull().references('goal_sheets.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('event', 'varchar(20)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_sheet_versions_sheet_idx').on('goal_sheet_versions').columns(['goal_sheet_id', 'id']).execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'integer', id)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('program_goal_ids', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', id)
    .addColumn('match_id', 'integer', (c) => c.notNull().references('matches.id').onDelete('cascade'))
    .addColumn('logged_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('activity_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_match_idx').on('contacts').columns(['match_id', 'occurred_on']).execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'integer', id)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('topic', 'varchar(100)', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_key', 'varchar(100)')
    .addColumn('file_name', 'varchar(255)')
    .addColumn('file_type', 'varchar(100)')
    .addColumn('file_size', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('faq_entries')
    .addColumn('id', 'integer', id)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('run_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('last_error', 'text')
    .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id').onDelete('set null'))
    .addColumn('match_id', 'integer', (c) => c.references('matches.id').onDelete('cascade'))
    .addColumn('cancelled_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['jobs', 'faq_entries', 'resources', 'contacts', 'activities', 'goal_sheet_versions', 'goal_sheets']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('program_settings').dropColumn('quiet_after_weeks').execute();
  await db.schema.alterTable('program_settings').dropColumn('goal_sheet_submitter').execute();
}
