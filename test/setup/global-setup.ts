// Vitest globalSetup: migrate a template database once per run, per dialect; every test file
// then copies the template (test/setup/dialects.ts) instead of migrating its own database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/create-db.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { startPostgresServer } from './postgres-server.ts';
import type { PostgresServer } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory for per-file database copies; removed at teardown. */
    tandemTmpDir: string;
    /** Migrated SQLite file; tests copy it, never open it. */
    sqliteTemplate: string;
    /** Superuser URL of a PostgreSQL server's maintenance database, or null when PostgreSQL is unavailable. */
    postgresAdminUrl: string | null;
    /** Name of the migrated database on that server that tests use as CREATE DATABASE ... TEMPLATE. */
    postgresTemplateDb: string | null;
    /** Why PostgreSQL tests are skipped, when postgresAdminUrl is null. */
    postgresSkipReason: string | null;
  }
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// migrateToLatest takes an untyped Kysely (migrations are frozen, schema-agnostic code);
// Kysely<Database> is not assignable to Kysely<unknown>, so the handle is widened here, once.
function untyped(handle: DbHandle): Parameters<typeof migrateToLatest>[0] {
  return handle.db as unknown as Parameters<typeof migrateToLatest>[0];
}

async function adminQuery(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function migrateSqliteTemplate(dir: string): Promise<string> {
  const file = join(dir, 'template.sqlite');
  const handle = createDb({ sqliteFile: file });
  try {
    await migrateToLatest(untyped(handle));
  } finally {
    // Closing the last connection checkpoints the WAL into the main file, so copying that file suffices.
    await handle.destroy();
  }
  return file;
}

async function migratePostgresTemplate(adminUrl: string, templateDb: string): Promise<void> {
  await adminQuery(adminUrl, [`CREATE DATABASE ${quoteIdent(templateDb)}`]);
  const handle = createDb({ databaseUrl: databaseUrlFor(adminUrl, templateDb), sqliteFile: ':memory:' });
  try {
    await migrateToLatest(untyped(handle));
  } finally {
    // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
    await handle.destroy();
  }
}

function warnLoudly(reason: string): void {
  const bar = '!'.repeat(78);
  process.stderr.write(
    [
      '',
      bar,
      '!!!',
      `!!!  PostgreSQL tests SKIPPED: ${reason}`,
      '!!!',
      '!!!  Only SQLite was tested. Under CI (CI=true) this is an error, not a skip.',
      '!!!  Fix: install PostgreSQL (apt-get install postgresql) or set DATABASE_URL to a',
      '!!!  server whose user may CREATE DATABASE.',
      '!!!',
      bar,
      '',
      '',
    ].join('\n'),
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  let server: PostgresServer | null = null;
  let adminUrl: string | null = null;
  let templateDb: string | null = null;

  const teardown = async (): Promise<void> => {
    try {
      if (adminUrl && templateDb && !server) {
        // A server we don't own (DATABASE_URL): leave it as we found it.
        await adminQuery(adminUrl, [`DROP DATABASE IF EXISTS ${quoteIdent(templateDb)} WITH (FORCE)`]).catch((error: unknown) =>
          process.stderr.write(`could not drop ${templateDb}: ${String(error)}\n`),
        );
      }
    } finally {
      await server?.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  };

  try {
    project.provide('tandemTmpDir', tmp);
    project.provide('sqliteTemplate', await migrateSqliteTemplate(tmp));

    let skipReason: string | null = null;
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      adminUrl = databaseUrl;
    } else {
      const started = await startPostgresServer();
      if (started.server) {
        server = started.server;
        adminUrl = server.url;
      } else {
        skipReason = started.reason;
      }
    }

    if (adminUrl) {
      // Unique per run, so two runs against one DATABASE_URL server don't collide.
      templateDb = `tandem_template_${randomBytes(4).toString('hex')}`;
      await migratePostgresTemplate(adminUrl, templateDb);
    } else if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required under CI (CI=true), and it is not available: ${skipReason}`);
    } else {
      warnLoudly(skipReason ?? 'unknown reason');
    }

    project.provide('postgresAdminUrl', adminUrl);
    project.provide('postgresTemplateDb', templateDb);
    project.provide('postgresSkipReason', skipReason);
  } catch (error) {
    await teardown();
    throw error;
  }

  return teardown;
}
