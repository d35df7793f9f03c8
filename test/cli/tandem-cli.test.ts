import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandLine, CommandResult } from './tandem-in-one-process.ts';
import { cliEnv, inOneProcess as runInOneProcess, runTandem } from './run-tandem.ts';

// A `tandem` process can take seconds (from the sources, through tsx, when they are newer than
// the compiled build, as in a tree being edited). So bin/tandem.js itself is spawned once per command, the repeats and the error cases run in one other process
// (tandem-in-one-process.ts, through the same runCli), and all of them run at the same time,
// each in a data directory of its own.

const root = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
const baseEnv = cliEnv();

function envWith(over: Record<string, string> = {}): Record<string, string> {
  return { ...baseEnv, TANDEM_DATA_DIR: mkdtempSync(join(root, 'data-')), ...over };
}

/** Runs bin/tandem.js the way `npx tandem` does; never throws, returns what a terminal would show. */
async function tandem(args: string[], env: Record<string, string> = envWith()): Promise<CommandResult> {
  return runTandem(args, env);
}

const migrateTwice = envWith();
const staffTwice = envWith();
const onceMore = {
  migrate: { args: ['migrate'], env: migrateTwice },
  migrateAgain: { args: ['migrate'], env: migrateTwice },
  createStaff: { args: ['create-staff', '--email', 'Ops@Example.org', '--name', 'Olu Ops'], env: staffTwice },
  createStaffAgain: { args: ['create-staff', '--email', 'ops@example.org', '--name', 'Olu Ops'], env: staffTwice },
  badEmail: { args: ['create-staff', '--email', 'not-an-email', '--name', 'X'], env: envWith() },
  missingName: { args: ['create-staff', '--email', 'a@example.org'], env: envWith() },
  unknownCommand: { args: ['frobnicate'], env: envWith() },
} satisfies Record<string, CommandLine>;
type OnceMore = Record<keyof typeof onceMore, CommandResult>;

/** Runs `onceMore` in order, in one process; never throws. */
async function runOnceMore(): Promise<OnceMore> {
  const names = Object.keys(onceMore) as (keyof typeof onceMore)[];
  const results = await runInOneProcess(
    names.map((name) => onceMore[name]),
    baseEnv,
  );
  return Object.fromEntries(names.map((name, i) => [name, results[i]])) as OnceMore;
}

let inOneProcess: Promise<OnceMore>;
beforeAll(() => {
  // Started here, awaited by the tests that need it, so it runs alongside the spawns below.
  inOneProcess = runOnceMore();
  inOneProcess.catch(() => {});
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Under load a spawn can take many seconds; the processes run concurrently, so allow for a queue.
describe.concurrent('the tandem command', { timeout: 180_000 }, () => {
  it('migrates, and says so only once', async () => {
    expect((await tandem(['migrate'])).stdout).toMatch(/Applied: .*foundation/);
    const { migrate, migrateAgain } = await inOneProcess;
    expect(migrate.stdout).toMatch(/Applied: .*foundation/);
    expect(migrateAgain).toMatchObject({ code: 0, stdout: 'The database is up to date.\n' });
  });

  it('creates a staff account and prints a one-time set-password link', async () => {
    const res = await tandem(['create-staff', '--email', 'Ops@Example.org', '--name', 'Olu Ops']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Staff account created for ops@example.org');
    expect(res.stdout).toMatch(/http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}/);

    const { createStaff, createStaffAgain: again } = await inOneProcess;
    expect(createStaff.code).toBe(0);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses bad arguments with a clear message and a non-zero exit', async () => {
    const { badEmail, missingName, unknownCommand } = await inOneProcess;
    expect(badEmail.code).not.toBe(0);
    expect(badEmail.stderr).toContain('Enter a valid e-mail address');
    expect(missingName.code).not.toBe(0);
    expect(missingName.stderr).toContain("required option '--name <name>'");
    expect(unknownCommand.code).not.toBe(0);
    expect(unknownCommand.stderr).toContain("unknown command 'frobnicate'");
  });

  it('builds the demo program and prints its sign-in', async () => {
    const res = await tandem(['demo', '--no-serve']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/email: \S+@demo\.tandem\.test password: \S+/);
  });

  it('explains a bad configuration instead of crashing', async () => {
    const { stderr, code } = await tandem(['migrate'], envWith({ PORT: 'eighty' }));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toMatch(/^tandem: /);
  });
});
