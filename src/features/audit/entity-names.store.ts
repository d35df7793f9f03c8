import type { Executor } from '../../db/executor.ts';

/** Records the audit log names rather than numbers: a person (their account) and a period. */
const NAMED = { user: 'users', period: 'periods' } as const;

/**
 * The names of the people and periods some audit entries are about, keyed `type:id`. Two reads at
 * most (one per table, only the ids asked for), whatever the number of entries.
 */
export async function auditEntityNames(
  db: Executor,
  entries: readonly { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const [type, table] of Object.entries(NAMED) as [keyof typeof NAMED, (typeof NAMED)[keyof typeof NAMED]][]) {
    const ids = [
      ...new Set(
        entries.filter((e) => e.entityType === type && e.entityId !== null && /^\d{1,15}$/.test(e.entityId)).map((e) => Number(e.entityId)),
      ),
    ];
    if (ids.length === 0) continue;
    const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
    for (const r of rows) names.set(`${type}:${r.id}`, r.name);
  }
  return names;
}
