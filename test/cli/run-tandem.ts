import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CommandLine, CommandResult } from './tandem-in-one-process.ts';

export type { CommandLine, CommandResult };

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../..');

/** This process's environment for a `tandem` child: quiet logs, and SQLite unless a test says otherwise. */
export function cliEnv(over: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  env.LOG_LEVEL = 'warn';
  delete env.DATABASE_URL;
  return { ...env, ...over };
}

/** Runs bin/tandem.js the way `npx tandem` does; never throws, returns what a terminal would show. */
export async function runTandem(args: string[], env: Record<string, string>, cwd = repo): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'bin/tandem.js'), ...args], { env, cwd, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Several commands through the same runCli in one process (tandem-in-one-process.ts): the repeats and error cases. */
export async function inOneProcess(commands: CommandLine[], env: Record<string, string> = cliEnv()): Promise<CommandResult[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/cli/tandem-in-one-process.ts', JSON.stringify(commands)], {
    env,
    cwd: repo,
    timeout: 120_000,
  });
  return JSON.parse(stdout) as CommandResult[];
}
