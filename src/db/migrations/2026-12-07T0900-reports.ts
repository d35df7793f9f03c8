import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // Who signs the recognition letters: JSON {name, title}, or null until staff set it.
  await db.schema.alterTable('program_settings').addColumn('letter_signer', 'text').execute();

  // The advisory task force's annual report (PRODUCT.md §11).
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', id)
    /** The period whose year the report looks back on. */
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    /** 'draft' | 'published' */
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    /** Who may open the published HTML page: 'staff' (staff and task force) | 'participants' | 'public'. */
    .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
    /** The published report this draft started from, if any. */
    .addColumn('based_on_id', 'integer', (c) => c.references('reports.id').onDelete('set null'))
    /** JSON: every figure and chart the report shows, frozen at publication. */
    .addColumn('frozen', 'text')
    .addColumn('published_at', 'varchar(30)')
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_period_idx').on('reports').column('period_id').execute();

  await db.schema
    .createTable('report_sections')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** JSON: a rich-text document (ProseMirror JSON, only the node and mark types the report allows). */
    .addColumn('body', 'text', (c) => c.notNull())
    /** Bumped by every save: a save names the revision it started from (optimistic concurrency). */
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_sections_report_idx').on('report_sections').column('report_id').execute();

  // A section's history: every saved revision, newest last.
  await db.schema
    .createTable('report_section_versions')
    .addColumn('id', 'integer', id)
    .addColumn('section_id', 'integer', (c) => c.notNull().references('report_sections.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('saved_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('report_section_versions_revision_uq', ['section_id', 'revision'])
    .execute();

  // Recognition letters mailed: once per mentor and period.
  await db.schema
    .createTable('recognition_letter_mailings')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mailed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('recognition_letter_mailings_pk', ['period_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recognition_letter_mailings').execute();
  await db.schema.dropTable('report_section_versions').execute();
  await db.schema.dropTable('report_sections').execute();
  await db.schema.dropTable('reports').execute();
  await db.schema.alterTable('program_settings').dropColumn('letter_signer').execute();
}
