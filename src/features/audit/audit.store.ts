import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { pageOf } from '../../db/keyset-page.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { containsText } from '../../db/text-search.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';

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

export interface AuditFilter {
  q?: string | undefined;
  /** Part of the actor's name. */
  actor?: string | undefined;
  action?: string | undefined;
  actorId?: number | undefined;
  /** First and last day (YYYY-MM-DD, UTC), both included. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The day after a YYYY-MM-DD day, as the same kind of string. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/** The filter as one condition on audit_log (no join needed, so counting reads audit_log alone). */
function matches(eb: ExpressionBuilder<Database, 'audit_log'>, f: AuditFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.q) {
    // The actors whose name matches are found once, not looked up again for every entry.
    const actors = eb.selectFrom('users as actors').select('actors.id').where(containsText('actors.name', f.q));
    all.push(eb.or([containsText('audit_log.action', f.q), eb('audit_log.actor_id', 'in', actors)]));
  }
  if (f.actor) {
    const actors = eb.selectFrom('users as actors').select('actors.id').where(containsText('actors.name', f.actor));
    all.push(eb('audit_log.actor_id', 'in', actors));
  }
  if (f.action) all.push(eb('audit_log.action', '=', f.action));
  if (f.actorId !== undefined) all.push(eb('audit_log.actor_id', '=', f.actorId));
  // Instants are stored as ISO strings, so a day compares as a prefix: from its start to the next day's.
  if (f.from) all.push(eb('audit_log.created_at', '>=', f.from));
  if (f.to) all.push(eb('audit_log.created_at', '<', dayAfter(f.to)));
  return eb.and(all);
}

/** One page of entries, newest first by time, after the cursor's entry (or before an id); one row more tells if another page follows. */
export async function listAudit(
  db: Executor,
  q: AuditFilter & { limit: number; before?: number | undefined; after?: CursorKey | undefined },
): Promise<{ entries: AuditRecord[]; nextCursor: string | null; total: number }> {
  // Newest first by when it happened (entries written with an earlier date, as a restore or the
  // demo does, take their place in time); the id orders entries of the same instant.
  let page = auditEntries(db)
    .where((eb) => matches(eb, q))
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc');
  if (q.before !== undefined) page = page.where('audit_log.id', '<', q.before);
  const after = q.after;
  if (after) {
    const at = after[0];
    page = page.where((eb) =>
      eb.or([eb('audit_log.created_at', '<', at), eb.and([eb('audit_log.created_at', '=', at), eb('audit_log.id', '<', after[1])])]),
    );
  }
  const rows = await page.limit(q.limit + 1).execute();
  const [counted] = await unlessChanged(
    db,
    db
      .selectFrom('audit_log')
      .where((eb) => matches(eb, q))
      .select((eb) => eb.fn.countAll<number | string>().as('n')),
  );
  const { page: shown, nextCursor } = pageOf(rows, q.limit, (last) => [last.created_at, last.id]);
  return {
    entries: shown.map(toRecord),
    nextCursor,
    total: Number(counted?.n ?? 0),
  };
}

/** Every action the log holds, alphabetically (the index on action answers it without reading entries). */
export async function listAuditActions(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
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
