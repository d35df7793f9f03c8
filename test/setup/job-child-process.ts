// Starts test/setup/job-worker-child.ts in a process of its own and talks to it line by line.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withParentDeathSignal } from './postgres-server.ts';

const SCRIPT = fileURLToPath(new URL('./job-worker-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface JobChild {
  child: ChildProcess;
  /** Resolves with the first output line matching `pattern`; rejects if the child exits first or time runs out. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  send(line: string): void;
  output(): string;
  /** SIGKILL, and waits until the process is gone. Safe to call twice. */
  kill(): Promise<void>;
  exited(): Promise<void>;
}

export function spawnJobChild(env: Record<string, string>): JobChild {
  // SIGKILL from the kernel too, should the test process itself die.
  const [file, args] = withParentDeathSignal(process.execPath, ['--import', 'tsx', SCRIPT], 'SIGKILL');
  const child = spawn(file, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const gone = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => {
      for (const l of listeners) l();
      resolve();
    });
    child.once('error', () => resolve());
  });
  const isGone = () => child.exitCode !== null || child.signalCode !== null;

  return {
    child,
    output: () => out,
    send: (line) => child.stdin?.write(`${line}\n`),
    exited: () => gone,
    waitForLine(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = out.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) {
            finish();
            resolve(line);
          } else if (isGone()) {
            finish();
            reject(new Error(`the job worker exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`the job worker did not print ${pattern} within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async kill() {
      if (!isGone()) child.kill('SIGKILL');
      await gone;
    },
  };
}
