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

function auditEntries(db: Executor) {
  return db
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
    ]);
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof auditEntries>['execute']>>[number];

const toRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  details: JSON.parse(r.details) as Record<string, unknown>,
  createdAt: r.created_at,
});

export async function listAudit(db: Executor, q: { limit: number; before?: number | undefined }): Promise<AuditRecord[]> {
  let query = auditEntries(db).orderBy('audit_log.id', 'desc').limit(q.limit);
  if (q.before !== undefined) query = query.where('audit_log.id', '<', q.before);
  return (await query.execute()).map(toRecord);
}

/** Every entry about one record (e.g. entity 'user', a person's id), oldest first. */
export async function listAuditAbout(db: Executor, entityType: string, entityId: string): Promise<AuditRecord[]> {
  const rows = await auditEntries(db)
    .where('audit_log.entity_type', '=', entityType)
    .where('audit_log.entity_id', '=', entityId)
    .orderBy('audit_log.id')
    .execute();
  return rows.map(toRecord);
}
