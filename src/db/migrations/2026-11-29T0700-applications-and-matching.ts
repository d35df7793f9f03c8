import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('applications')
    .addColumn('id', 'integer', id)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)', (c) => c.notNull())
    .addColumn('job_title', 'varchar(200)', (c) => c.notNull())
    .addColumn('employer', 'varchar(200)', (c) => c.notNull())
    .addColumn('workplace_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('years_experience', 'integer', (c) => c.notNull())
    .addColumn('career_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('region', 'varchar(20)', (c) => c.notNull())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('interests', 'text', (c) => c.notNull())
    .addColumn('program_goal_ids', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('meet_in_person', 'integer', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('hopes', 'text', (c) => c.notNull())
    .addColumn('eligibility_answers', 'text', (c) => c.notNull())
    .addColumn('confidential', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('carry_forward', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('carried_from_id', 'integer', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('applications_one_per_role', ['period_id', 'user_id', 'role'])
    .execute();
  await db.schema.createIndex('applications_period_status_idx').on('applications').columns(['period_id', 'status']).execute();

  await db.schema
    .createTable('matching_runs')
    .addColumn('id', 'integer', id)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('objective', 'varchar(20)', (c) => c.notNull())
    .addColumn('min_score', 'double precision')
    .addColumn('pool_fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('heartbeat_at', 'varchar(30)')
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('approved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('matching_runs_period_idx').on('matching_runs').column('period_id').execute();

  await db.schema
    .createTable('pair_rules')
    .addColumn('id', 'integer', id)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('mentee_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('mentor_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('pair_rules_one_per_pair', ['mentee_application_id', 'mentor_application_id'])
    .execute();

  await db.schema
    .createTable('matches')
    .addColumn('id', 'integer', id)
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('mentor_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentee_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentor_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('mentee_application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('matching_run_id', 'integer', (c) => c.references('matching_runs.id').onDelete('set null'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('matched_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('matches_mentor_idx').on('matches').column('mentor_user_id').execute();
  await db.schema.createIndex('matches_mentee_idx').on('matches').column('mentee_user_id').execute();
  // A mentee is in at most one match per period.
  await db.schema.createIndex('matches_mentee_period_uq').on('matches').columns(['period_id', 'mentee_application_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['matches', 'pair_rules', 'matching_runs', 'applications']) await db.schema.dropTable(table).execute();
}
