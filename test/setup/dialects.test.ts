import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, describeEachDialect, dialectSkipReason, freshTestDb } from './dialects.ts';

const now = '2026-11-29T06:00:00.000Z';
const user = (email: string) => ({ email, name: 'Ada', password_hash: null, created_at: now, updated_at: now });

describeEachDialect('test database from the migrated template', (ctx, dialect) => {
  it('has the tables the migrations create, and no rows', async () => {
    const { db } = ctx();
    const { count } = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
  });

  it('records the applied migrations, as copied from the template', async () => {
    const { db } = ctx();
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(rows.rows.map((r) => r.name)).toContain('2026-11-29T0600-foundation');
  });

  it(`runs on ${dialect}`, async () => {
    const t = ctx();
    expect(t.dialect).toBe(dialect);
    expect(t.handle.db).toBe(t.db);
    if (dialect === 'postgres') expect(t.databaseUrl).toMatch(/^postgres:\/\/.+\/t_[0-9a-f]{12}$/);
    else expect(t.sqliteFile).toMatch(/t_[0-9a-f]{12}\.sqlite$/);
  });

  it('writes and reads back within the same database', async () => {
    const { db } = ctx();
    const inserted = await db.insertInto('users').values(user('ada@example.org')).returning('id').executeTakeFirstOrThrow();
    const row = await db.selectFrom('users').selectAll().where('id', '=', inserted.id).executeTakeFirstOrThrow();
    expect(row.email).toBe('ada@example.org');
  });
});

for (const dialect of DIALECTS) {
  const reason = dialectSkipReason(dialect);
  describe.skipIf(reason !== null)(`freshTestDb [${dialect}]${reason ? ` — SKIPPED: ${reason}` : ''}`, () => {
    it('gives each caller a database of its own', async () => {
      const a = await freshTestDb(dialect);
      const b = await freshTestDb(dialect);
      try {
        await a.db.insertInto('users').values(user('only-in-a@example.org')).execute();
        const inA = await a.db.selectFrom('users').select('email').execute();
        const inB = await b.db.selectFrom('users').select('email').execute();
        expect(inA.map((r) => r.email)).toEqual(['only-in-a@example.org']);
        expect(inB).toEqual([]);
      } finally {
        await a.dispose();
        await b.dispose();
      }
    });

    it('drops the database on dispose, and dispose is idempotent', async () => {
      const t = await freshTestDb(dialect);
      await t.dispose();
      await t.dispose();
      if (dialect === 'postgres') {
        const again = await freshTestDb(dialect);
        try {
          const name = new URL(t.databaseUrl ?? '').pathname.slice(1);
          const found = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(again.db);
          expect(found.rows[0]?.n).toBe(0);
        } finally {
          await again.dispose();
        }
      } else {
        const { existsSync } = await import('node:fs');
        expect(existsSync(t.sqliteFile)).toBe(false);
      }
    });
  });
}
