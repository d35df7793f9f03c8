// Runs the real server the way a user does (`tandem serve`), as a child process, for e2e tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort, withParentDeathSignal } from './postgres-server.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_KEEP_CHARS = 64 * 1024;

export interface StartAppOptions {
  /** TANDEM_DATA_DIR for the server: its SQLite file and other state live there. */
  dataDir: string;
  /** Default: a free port the OS picks. */
  port?: number;
  /**
   * Extra environment, applied last; a value of undefined removes the variable. DATABASE_URL is
   * not inherited from the test process (the server uses SQLite in dataDir) unless given here.
   */
  env?: Record<string, string | undefined>;
}

export interface AppProcess {
  /** e.g. http://127.0.0.1:PORT, no trailing slash */
  url: string;
  port: number;
  /** The server's process id (setpriv execs into node, so it is node's). */
  pid: number;
  /** What the server printed so far (stdout and stderr interleaved, the last 64 KiB). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a power cut or the OOM killer would; resolves once the process has exited. */
  kill(): Promise<void>;
}

class OutputTail {
  private text = '';
  append(chunk: Buffer): void {
    this.text += chunk.toString('utf8');
    if (this.text.length > OUTPUT_KEEP_CHARS) this.text = this.text.slice(-OUTPUT_KEEP_CHARS);
  }
  toString(): string {
    return this.text;
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

function buildEnv(port: number, dataDir: string, extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  env.PORT = String(port);
  env.TANDEM_DATA_DIR = dataDir;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spawns `node --import tsx src/cli/main.ts serve` and resolves once GET /api/health answers 200.
 * Rejects (with the server's output) if it exits first or is not healthy within 30 s.
 */
export async function startAppProcess(options: StartAppOptions): Promise<AppProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await startOnce(options, port);
    } catch (error) {
      // The OS handed the free port to someone else before the server bound it: try another.
      const retry = options.port === undefined && attempt < 3 && error instanceof Error && /EADDRINUSE/.test(error.message);
      if (!retry) throw error;
    }
  }
}

async function startOnce(options: StartAppOptions, port: number): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const output = new OutputTail();
  // SIGTERM from the kernel if the test process dies without calling stop().
  const [file, args] = withParentDeathSignal(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], 'SIGTERM');
  const child = spawn(file, args, {
    cwd: REPO_ROOT,
    env: buildEnv(port, options.dataDir, options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.append(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.append(chunk));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  // If the test process dies without stopping us, the server must not outlive it.
  const killOnExit = (): void => {
    if (!hasExited(child)) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!hasExited(child) && spawnError === undefined) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
          child.kill('SIGKILL');
          await waitForExit(child, STOP_GRACE_MS);
        }
      }
      process.off('exit', killOnExit);
    })();
    return stopping;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError !== undefined || hasExited(child)) break;
    if (await isHealthy(url)) {
      const kill = async (): Promise<void> => {
        if (!hasExited(child)) child.kill('SIGKILL');
        await waitForExit(child, STOP_GRACE_MS);
        process.off('exit', killOnExit);
      };
      return { url, port, pid: child.pid ?? 0, output: () => output.toString(), stop, kill };
    }
    await sleep(150);
  }

  const why =
    spawnError !== undefined
      ? `could not spawn it: ${spawnError.message}`
      : hasExited(child)
        ? `it exited with ${child.exitCode ?? child.signalCode}`
        : `GET ${url}/api/health did not answer 200 within ${READY_TIMEOUT_MS} ms`;
  await stop();
  throw new Error(`The app server (tandem serve, port ${port}) did not start: ${why}.\n--- its output ---\n${output.toString()}`);
}
