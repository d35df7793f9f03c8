// Runs several `tandem` command lines one after another in a single Node process, each through
// runCli() as bin/tandem.js runs one, and prints what each one wrote and its exit code as JSON.
// Loading the app through tsx takes seconds per process (tandem-cli.test.ts spawns the real
// binary once per command; the repeats and error cases run here, in one process).
//
//   node --import tsx test/cli/tandem-in-one-process.ts '[{"args":["migrate"],"env":{...}}]'
import { runCli } from '../../src/cli/main.ts';

export interface CommandLine {
  args: string[];
  /** Replaces process.env for this command (the parent passes its whole environment). */
  env: Record<string, string>;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const commands = JSON.parse(process.argv[2] ?? '[]') as CommandLine[];
const results: CommandResult[] = [];
const realStdoutWrite = process.stdout.write.bind(process.stdout);
const realStderrWrite = process.stderr.write.bind(process.stderr);

for (const { args, env } of commands) {
  let stdout = '';
  let stderr = '';
  // console.log/error and commander write through these.
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  process.env = { ...env };
  process.exitCode = undefined;
  let code: number;
  try {
    await runCli(['node', 'tandem', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (err) {
    // What would crash bin/tandem.js: Node prints the stack and exits with 1.
    stderr += `${err instanceof Error ? err.stack : String(err)}\n`;
    code = 1;
  } finally {
    process.stdout.write = realStdoutWrite;
    process.stderr.write = realStderrWrite;
  }
  results.push({ code, stdout, stderr });
}

process.exitCode = 0;
realStdoutWrite(`${JSON.stringify(results)}\n`);
