// A throwaway PostgreSQL server for the test run, used when DATABASE_URL is not set.
//
// The postmaster is spawned directly as a child of this Node process (not daemonized through
// `pg_ctl start`), so that Node reaps it when it exits: PID 1 on our machines does not reap
// orphans, and a daemonized server stopped later would linger as a zombie. Running as root,
// the child drops to the `postgres` OS user through spawn's uid/gid (PostgreSQL refuses root).
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** Superuser URL of the `postgres` maintenance database, e.g. postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Immediate shutdown, waits for the server process to exit, removes its directory. Idempotent. */
  stop(): Promise<void>;
}

export type StartPostgresResult = { server: PostgresServer; reason?: undefined } | { server: null; reason: string };

interface RunAs {
  uid: number;
  gid: number;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** Highest-versioned /usr/lib/postgresql/<v>/bin that has initdb and postgres. Override with POSTGRES_BIN_DIR. */
export function findPostgresBinDir(): string | null {
  const override = process.env.POSTGRES_BIN_DIR;
  if (override) return hasBinaries(override) ? override : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (hasBinaries(dir)) return dir;
  }
  return null;
}

function hasBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
}

/** Under root the server must run as the `postgres` OS user; otherwise it runs as whoever we are. */
function resolveRunAs(): RunAs | null | 'self' {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'self';
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return null;
  }
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres' && uid !== undefined && gid !== undefined) {
      return { uid: Number(uid), gid: Number(gid) };
    }
  }
  return null;
}

/** Asks the OS for a free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port the OS assigned'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}

const SETPRIV = '/usr/bin/setpriv';

/**
 * Wraps a command so that the kernel sends it `signal` when the process that spawned it dies, even
 * by SIGKILL (util-linux setpriv --pdeathsig, then exec: the child's pid stays the command's).
 * Without setpriv the command runs as is, and only the process 'exit' hooks protect against orphans.
 * The signal follows the death of the spawning *thread*: spawn from the main thread or a forked worker.
 */
export function withParentDeathSignal(file: string, args: string[], signal: 'SIGQUIT' | 'SIGTERM' | 'SIGKILL'): [string, string[]] {
  if (process.platform !== 'linux' || !existsSync(SETPRIV)) return [file, args];
  return [SETPRIV, ['--pdeathsig', signal.replace(/^SIG/, ''), '--', file, ...args]];
}

/** Environment for the server's tools: no PG* variables from the caller, a predictable locale. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PG') && value !== undefined) env[key] = value;
  }
  env.LC_ALL = 'C';
  env.LANG = 'C';
  return env;
}

function run(file: string, args: string[], runAs: RunAs | 'self', cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // execFile waits for the child and reaps it.
    execFile(
      file,
      args,
      { cwd, env: childEnv(), ...(runAs === 'self' ? {} : runAs), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
        else resolve();
      },
    );
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
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

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  // A failed connect can also emit 'error'; without a listener it would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a throwaway PostgreSQL on 127.0.0.1 and a free port, with durability switched off.
 * Returns `{ server: null, reason }` when PostgreSQL is not available on this machine, so that
 * callers can skip loudly (or fail, under CI). Errors past that point (initdb or start-up
 * failing) are thrown: they are bugs to see, not reasons to skip.
 */
export async function startPostgresServer(): Promise<StartPostgresResult> {
  const binDir = findPostgresBinDir();
  if (binDir === null) {
    return {
      server: null,
      reason: 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (install Debian package `postgresql`, or set DATABASE_URL)',
    };
  }
  const runAs = resolveRunAs();
  if (runAs === null) {
    return {
      server: null,
      reason: 'running as root but there is no `postgres` OS user to run the server as (useradd --system postgres)',
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'tandem-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  let child: ChildProcess | undefined;
  const onProcessExit = (): void => {
    // Last resort if teardown never ran (crash, process.exit): SIGQUIT is an immediate shutdown.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
  };

  try {
    if (runAs !== 'self') chownSync(dir, runAs.uid, runAs.gid);
    await run(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--no-locale', '--no-instructions'],
      runAs,
      dir,
    );

    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort();
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      const logFd = openSync(logFile, 'a');
      // If the test runner dies without its teardown, the kernel shuts the server down (SIGQUIT = immediate).
      const [file, args] = withParentDeathSignal(
        join(binDir, 'postgres'),
        [
          '-D',
          dataDir,
          '-p',
          String(port),
          '-k',
          dir,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=200',
        ],
        'SIGQUIT',
      );
      child = spawn(file, args, {
        cwd: dir,
        env: childEnv(),
        stdio: ['ignore', logFd, logFd],
        ...(runAs === 'self' ? {} : runAs),
      });
      closeSync(logFd);
      process.on('exit', onProcessExit);
      const spawned = child;

      const deadline = Date.now() + START_TIMEOUT_MS;
      let ready = false;
      while (Date.now() < deadline) {
        if (spawned.exitCode !== null || spawned.signalCode !== null) break;
        if (await canConnect(url)) {
          ready = true;
          break;
        }
        await sleep(100);
      }
      if (ready) {
        const server = makeServer(url, spawned, dir, () => process.off('exit', onProcessExit));
        return { server };
      }

      const exited = spawned.exitCode !== null || spawned.signalCode !== null;
      if (!exited) {
        spawned.kill('SIGKILL');
        await waitForExit(spawned, STOP_TIMEOUT_MS);
      }
      process.off('exit', onProcessExit);
      const log = readLog(logFile);
      // Someone took the port between our probe and the server's bind: try another one.
      if (exited && attempt < 3 && /could not bind|already in use/i.test(log)) continue;
      throw new Error(
        `PostgreSQL did not become ready on ${url} within ${START_TIMEOUT_MS} ms` +
          (exited ? ` (server exited with ${spawned.exitCode ?? spawned.signalCode})` : '') +
          `\n--- ${logFile} ---\n${log}`,
      );
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function makeServer(url: string, child: ChildProcess, dir: string, forget: () => void): PostgresServer {
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= (async () => {
        try {
          if (child.exitCode === null && child.signalCode === null) {
            // SIGQUIT to the postmaster = `pg_ctl stop -m immediate`; it stops and reaps its backends.
            child.kill('SIGQUIT');
            if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
              child.kill('SIGKILL');
              await waitForExit(child, STOP_TIMEOUT_MS);
            }
          }
        } finally {
          forget();
          rmSync(dir, { recursive: true, force: true });
        }
      })();
      return stopping;
    },
  };
}
