import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
const env = { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
delete (env as Record<string, string | undefined>).DATABASE_URL;

/** Runs bin/tandem.js the way `npx tandem` does; never throws, returns what a terminal would show. */
async function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/tandem.js', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the tandem command', () => {
  it('migrates, and says so only once', async () => {
    expect((await tandem('migrate')).stdout).toMatch(/Applied: .*foundation/);
    expect((await tandem('migrate')).stdout).toContain('up to date');
  });

  it('creates a staff account and prints a one-time set-password link', async () => {
    const res = await tandem('create-staff', '--email', 'Ops@Example.org', '--name', 'Olu Ops');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Staff account created for ops@example.org');
    expect(res.stdout).toMatch(/http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}/);

    const again = await tandem('create-staff', '--email', 'ops@example.org', '--name', 'Olu Ops');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses bad arguments with a clear message and a non-zero exit', async () => {
    const badEmail = await tandem('create-staff', '--email', 'not-an-email', '--name', 'X');
    expect(badEmail.code).not.toBe(0);
    expect(badEmail.stderr).toContain('Enter a valid e-mail address');
    const missing = await tandem('create-staff', '--email', 'a@example.org');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--name <name>'");
    const unknown = await tandem('frobnicate');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('builds the demo program and prints its sign-in', async () => {
    const res = await tandem('demo', '--no-serve');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/email: \S+@demo\.tandem\.test password: \S+/);
  });

  it('explains a bad configuration instead of crashing', async () => {
    const { stderr, code } = await run(process.execPath, ['bin/tandem.js', 'migrate'], {
      env: { ...env, PORT: 'eighty' },
    }).then(
      () => ({ stderr: '', code: 0 }),
      (e: { stderr: string; code: number }) => e,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
  });
});
