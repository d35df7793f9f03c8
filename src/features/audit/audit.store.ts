import type { Executor } from '../../db/executor.ts';

export interface AuditInput {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  details?: Record<string, unknown>;
  at: string;
}

export interface AuditRecord {
  id: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

/** Written inside the same transaction as the change it describes: both land, or neither. */
export async function recordAudit(db: Executor, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId === null ? null : String(e.entityId),
      details: JSON.stringify(e.details ?? {}),
      created_at: e.at,
    })
    .execute();
}

export async function listAudit(db: Executor, q: { limit: number; before?: number | undefined }): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'users.name as actor_name',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.details',
      'audit_log.created_at',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(q.limit);
  if (q.before !== undefined) query = query.where('audit_log.id', '<', q.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}
