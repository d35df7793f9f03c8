import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // Results hide any group of respondents smaller than this (PRODUCT.md §10: default 5).
  await db.schema
    .alterTable('program_settings')
    .addColumn('survey_min_group_size', 'integer', (c) => c.notNull().defaultTo(5))
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', id)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    /** 0/1: staff may read each person's answers; fixed once the survey opens. */
    .addColumn('named', 'integer', (c) => c.notNull().defaultTo(0))
    /** Calendar dates in the program's time zone: open from the first's start to the second's end. */
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    /** JSON Question[]: the whole form, replaced as one while nobody has answered. */
    .addColumn('questions', 'text', (c) => c.notNull())
    /** JSON: the wording fixes made after answers came in, oldest first. */
    .addColumn('wording_changes', 'text', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)')
    .addColumn('closed_early_at', 'varchar(30)')
    /** Bumped by every answer: the row lock that puts answers to one survey in single file. */
    .addColumn('answer_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_period_idx').on('surveys').column('period_id').execute();

  // Who was invited, whether they have answered (a date, nothing more), which reminders they got.
  // This is the identity side; it never holds an answer.
  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'integer', id)
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('invited_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('mailed_at', 'varchar(30)')
    /** null, or the last reminder round sent ('week', 'last'): each goes out once. */
    .addColumn('last_reminder', 'varchar(10)')
    .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
    /** The calendar date they submitted on; no time of day, so it cannot be lined up with an answer. */
    .addColumn('responded_on', 'varchar(10)')
    .addUniqueConstraint('survey_invitations_survey_user_uq', ['survey_id', 'user_id'])
    .execute();

  // A draft under way: the person's own, until they submit (then deleted in the same transaction).
  await db.schema
    .createTable('survey_drafts')
    .addColumn('invitation_id', 'integer', (c) => c.primaryKey().references('survey_invitations.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // The answers side: a random key, the role answered as, the answers. No person, no time; rows
  // are rewritten in a shuffled order on each new answer (decision 0012).
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_responses_survey_idx').on('survey_responses').column('survey_id').execute();

  // Only for a survey named before it opened: which response is whose.
  await db.schema
    .createTable('survey_named_responses')
    .addColumn('response_id', 'varchar(40)', (c) => c.primaryKey().references('survey_responses.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_named_responses').execute();
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('survey_drafts').execute();
  await db.schema.dropTable('survey_invitations').execute();
  await db.schema.dropTable('surveys').execute();
  await db.schema.alterTable('program_settings').dropColumn('survey_min_group_size').execute();
}
