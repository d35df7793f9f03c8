// One test body, run against every dialect (after Kysely's test/node/src/test-setup.ts).
// Each describe block gets its own database, copied from the template that global-setup migrated:
// SQLite copies the file, PostgreSQL uses CREATE DATABASE ... TEMPLATE.
import { copyFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import type { DbHandle, Dialect } from '../../src/db/create-db.ts';
import type { Database } from '../../src/db/database.ts';
import { databaseUrlFor, quoteIdent } from './global-setup.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDb {
  db: Kysely<Database>;
  dialect: Dialect;
  handle: DbHandle;
  /** Set for PostgreSQL: the URL of this test's own database (e.g. to hand to a child process). */
  databaseUrl?: string;
  /** For SQLite, this test's own database file; for PostgreSQL, ':memory:' (unused). */
  sqliteFile: string;
}

export interface DisposableTestDb extends TestDb {
  /** Destroys the connection and deletes the database. Idempotent. */
  dispose(): Promise<void>;
}

/** Why the given dialect cannot run here, or null when it can. */
export function dialectSkipReason(dialect: Dialect): string | null {
  requireGlobalSetup();
  if (dialect === 'sqlite') return null;
  if (inject('postgresAdminUrl') !== null) return null;
  return inject('postgresSkipReason') ?? 'PostgreSQL is not available';
}

// inject() answers undefined under a config without test/setup/global-setup.ts (e.g. the e2e one).
function requireGlobalSetup(): void {
  if (inject('sqliteTemplate') === undefined) {
    throw new Error('test databases need test/setup/global-setup.ts as globalSetup in this Vitest config');
  }
}

function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, migrated, empty database of its own. Throws if the dialect is unavailable (see dialectSkipReason). */
export async function freshTestDb(dialect: Dialect): Promise<DisposableTestDb> {
  requireGlobalSetup();
  if (dialect === 'sqlite') {
    const sqliteFile = join(inject('tandemTmpDir'), `${uniqueName('t_')}.sqlite`);
    copyFileSync(inject('sqliteTemplate'), sqliteFile);
    const handle = createDb({ sqliteFile });
    let disposed: Promise<void> | undefined;
    return {
      db: handle.db,
      dialect: handle.dialect,
      handle,
      sqliteFile,
      dispose() {
        disposed ??= (async () => {
          await handle.destroy();
          for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${sqliteFile}${suffix}`, { force: true });
        })();
        return disposed;
      },
    };
  }

  const adminUrl = inject('postgresAdminUrl');
  const templateDb = inject('postgresTemplateDb');
  if (adminUrl === null || templateDb === null) {
    throw new Error(`PostgreSQL test database requested, but ${dialectSkipReason('postgres')}`);
  }
  const name = uniqueName('t_');
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateDb)}`);
  const databaseUrl = databaseUrlFor(adminUrl, name);
  const handle = createDb({ databaseUrl, sqliteFile: ':memory:' });
  let disposed: Promise<void> | undefined;
  return {
    db: handle.db,
    dialect: handle.dialect,
    handle,
    databaseUrl,
    sqliteFile: ':memory:',
    dispose() {
      disposed ??= (async () => {
        try {
          await handle.destroy();
        } finally {
          await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        }
      })();
      return disposed;
    },
  };
}

/**
 * Declares `describe(`${name} [sqlite]`)` and `describe(`${name} [postgres]`)` around the same body.
 * Each block gets a fresh database in beforeAll (shared by the tests in that block) and drops it in
 * afterAll. `ctx()` returns it; call it inside hooks and tests, not while declaring them.
 * Where PostgreSQL is unavailable its block is skipped, and its name says why (never under CI:
 * global-setup fails the run instead).
 */
export function describeEachDialect(name: string, fn: (ctx: () => TestDb, dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    const reason = dialectSkipReason(dialect);
    if (reason !== null) {
      describe.skip(`${name} [${dialect}] — SKIPPED: ${reason}`, () => fn(unavailable(dialect, reason), dialect));
      continue;
    }
    describe(`${name} [${dialect}]`, () => {
      let testDb: DisposableTestDb | undefined;
      beforeAll(async () => {
        testDb = await freshTestDb(dialect);
      });
      afterAll(async () => {
        await testDb?.dispose();
      });
      fn(() => {
        if (!testDb) throw new Error(`ctx() called outside a hook or test of "${name} [${dialect}]"`);
        return testDb;
      }, dialect);
    });
  }
}

function unavailable(dialect: Dialect, reason: string): () => TestDb {
  return () => {
    throw new Error(`${dialect} is not available: ${reason}`);
  };
}
