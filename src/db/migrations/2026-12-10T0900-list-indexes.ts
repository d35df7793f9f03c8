import type { Kysely } from 'kysely';

/*
 * Indexes for the long lists (issue #19): each one lets a list walk its sort order and stop after
 * a page, or jump to the rows a filter keeps, instead of sorting the whole table on every request.
 * The id at the end of each is the tie-breaker the keyset cursor uses.
 */
const INDEXES: { name: string; table: string; columns: string[] }[] = [
  // People: by name (the default) and newest first; the role filter looks roles up by role.
  { name: 'users_name_idx', table: 'users', columns: ['name', 'id'] },
  { name: 'users_created_idx', table: 'users', columns: ['created_at', 'id'] },
  { name: 'user_roles_role_idx', table: 'user_roles', columns: ['role', 'user_id'] },
  // Outbox, newest first within a status or a kind.
  { name: 'outbox_status_idx', table: 'outbox', columns: ['status', 'id'] },
  { name: 'outbox_kind_idx', table: 'outbox', columns: ['kind', 'id'] },
  // Audit log, newest first for one actor; one action within a range of days; by date.
  { name: 'audit_log_actor_idx', table: 'audit_log', columns: ['actor_id', 'id'] },
  { name: 'audit_log_action_idx', table: 'audit_log', columns: ['action', 'created_at'] },
  { name: 'audit_log_created_idx', table: 'audit_log', columns: ['created_at', 'id'] },
];

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
