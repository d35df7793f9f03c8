import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import { cliEnv, runTandem } from './run-tandem.ts';

// `tandem seed` as a person runs it: the sign-ins printed the way the demo prints them, and never over data.
describe('tandem seed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds an empty data directory and prints a staff and a mentee sign-in', async () => {
    const r = await runTandem(['seed', '--people', '200', '--data-dir', dataDir, '--no-progress'], cliEnv());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Seeded 200 people in \d+\.\d s: \d+ applications, \d+ matches/m);
    expect(r.stdout).toContain('  email: staff@seed.tandem.test password: tandem-seed');
    expect(r.stdout).toContain('  email: mentee@seed.tandem.test password: tandem-seed');
    const handle = createDb({ sqliteFile: join(dataDir, 'tandem.sqlite') });
    try {
      const row = await handle.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(200);
    } finally {
      await handle.destroy();
    }
  }, 120_000);

  it('refuses a database that has data, in one line, and leaves it as it was', async () => {
    const r = await runTandem(['seed', '--people', '200', '--data-dir', dataDir], cliEnv());
    expect(r.code).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^tandem: This database already has a program \(200 people\)/);
  }, 120_000);

  it('refuses a count it cannot seed', async () => {
    const r = await runTandem(['seed', '--people', 'lots', '--data-dir', dataDir], cliEnv());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("option '--people <n>' argument 'lots' is invalid");
  }, 120_000);
});
