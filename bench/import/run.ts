/**
 * CSV import benchmark: the real server (`tandem serve`, SQLite in a temporary data directory) in a
 * child process; for each file size, one import while another thread asks GET /api/health every
 * ~10 ms. Prints rows vs wall time, the answer, and the longest health round trip during the import.
 *
 *   npm run bench:import                                   this checkout, 1k 5k 50k 200k rows
 *   npm run bench:import -- --baseline /tmp/import-before  the same cases against another checkout first
 *   flags: --rows 1000,5000   --repeats 3 (medians)   --timeout 60 (seconds per import)
 *          --no-write (skip the 5k good-rows write)
 *   npm run bench:import -- --file 100000                  the background import of a file of that
 *          many rows (good-rows: all written), against the sqlite3 command line's .import of the
 *          same file into a plain table, in the same run (issue #16, item 3)
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { benchFigure } from '../figure.ts';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const ROWS = (flag('--rows') ?? '1000,5000,50000,200000').split(',').map(Number);
const TIMEOUT_MS = Number(flag('--timeout') ?? 60) * 1000;
const REPEATS = Number(flag('--repeats') ?? 3);
const BASELINE = flag('--baseline');
const REPO = resolve(import.meta.dirname, '../..');
const HEALTH_EVERY_MS = 10;

interface Case {
  /** 0: no import at all, only health checks for a second — the noise floor of this machine. */
  rows: number;
  mode: 'preview' | 'good-rows';
}
const CASES: Case[] = [
  { rows: 0, mode: 'preview' },
  ...ROWS.map((rows): Case => ({ rows, mode: 'preview' })),
  ...(args.includes('--no-write') ? [] : [{ rows: 5000, mode: 'good-rows' as const }]),
];

interface Outcome {
  answer: string;
  seconds: number;
  /** Longest GET /api/health round trip while the import ran, and how many were asked. */
  worstHealthMs: number;
  healthChecks: number;
}

// ---------------------------------------------------------------------------------------------
// The server, in its own process group so that stopping it stops everything it started.

interface Server {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function startServer(root: string, built = false): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-import-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TANDEM_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RUN_JOBS: 'false',
  };
  delete env.DATABASE_URL;
  // Built: the command as `npm start` runs it, compiled, worker threads included (bin/build-cli.js).
  const command = built ? ['bin/tandem.js', 'serve'] : ['--import', 'tsx', 'src/cli/main.ts', 'serve'];
  const child = spawn(process.execPath, command, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-8000)));
  child.stderr?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-8000)));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // Interrupted (Ctrl-C) or not, the server and its data directory go with this process.
  const abandon = () => {
    killGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', abandon);
  const stop = async () => {
    process.off('exit', abandon);
    killGroup('SIGTERM');
    for (let waited = 0; !exited(child) && waited < 5000; waited += 50) await sleep(50);
    if (!exited(child)) killGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && !exited(child); await sleep(200)) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
  }
  await stop();
  throw new Error(`the server in ${root} did not start:\n${output}`);
}

// ---------------------------------------------------------------------------------------------
// A signed-in staff member with a period open for applications.

class Session {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: string): Promise<Response> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookies.size > 0 && { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...(method !== 'GET' && this.csrf && { 'x-csrf-token': this.csrf }),
      },
      ...(body !== undefined && { body }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return res;
  }

  /**
   * POST with node:http rather than fetch: a server refusing a body by its size answers 413 as soon
   * as it has the headers and closes the connection, which a client still sending the body sees
   * only as EPIPE. So the headers go first, and the body only if no answer came within 100 ms.
   * Resolves with the answer and the time from the first byte of the body (or from the headers, for
   * an early answer) to the end of the answer.
   */
  post(
    path: string,
    body: string,
    timeoutMs: number,
    contentType = 'application/json',
  ): Promise<{ status: number; text: string; seconds: number }> {
    return new Promise((done, fail) => {
      let started = performance.now();
      let answered = false;
      const req = httpRequest(
        new URL(`${this.url}${path}`),
        {
          method: 'POST',
          headers: {
            'content-type': contentType,
            'content-length': Buffer.byteLength(body),
            cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-csrf-token': this.csrf,
          },
          timeout: timeoutMs,
        },
        (res) => {
          answered = true;
          const parts: Buffer[] = [];
          res.on('data', (b: Buffer) => parts.push(b));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString(), seconds: (performance.now() - started) / 1000 }),
          );
          res.on('error', fail);
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
      req.on('error', (err) => {
        if (!answered) fail(err);
      });
      req.flushHeaders();
      setTimeout(() => {
        if (answered) return;
        started = performance.now();
        req.end(body);
      }, 100);
    });
  }

  async json(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await this.request(method, path, body === undefined ? undefined : JSON.stringify(body));
    const parsed = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
    return parsed;
  }

  async refreshCsrf(): Promise<void> {
    this.csrf = String((await this.json('GET', '/api/auth/csrf')).token);
  }
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function openPeriod(server: Server): Promise<{ session: Session; periodId: number }> {
  const session = new Session(server.url);
  await session.json('POST', '/api/setup', {
    programName: 'Import Bench Program',
    timeZone: 'UTC',
    name: 'Bench Staff',
    email: 'staff@example.org',
    password: 'correct horse battery staple',
  });
  await session.refreshCsrf();
  const period = await session.json('POST', '/api/periods', {
    name: 'Bench period',
    applicationsOpenOn: day(-1),
    applicationsCloseOn: day(30),
    matchesAnnouncedOn: day(45),
    programEndsOn: day(365),
    surveyOpensOn: day(330),
    surveyClosesOn: day(350),
  });
  const periodId = Number(period.id);
  await session.json('POST', `/api/periods/${periodId}/transition`, { to: 'applications_open' });
  return { session, periodId };
}

// ---------------------------------------------------------------------------------------------
// Files and health checks.

const HEADER =
  'email,name,role,phone,job_title,employer,workplace_type,years_experience,career_stage,region,time_zone,interests,program_goals,channels,meet_in_person,languages,hopes,capacity';
function csvFile(rows: number, tag: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i += 1) {
    const role = i % 4 === 0 ? 'mentor' : 'mentee';
    lines.push(
      `${tag}${i}@example.org,Person ${i},${role},,Librarian,Harbor Library,public,${i % 30},early_career,US-ME,America/New_York,Storytime; Outreach,1;2,email;video,Yes,English,"Hopes, with a comma",${role === 'mentor' ? 2 : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Asks GET /api/health every ~10 ms from its own thread, so this thread's work does not delay it. */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let stopping = false;
parentPort.once('message', () => { stopping = true; });
(async () => {
  let worst = 0, count = 0;
  while (!stopping) {
    const started = performance.now();
    try { const res = await fetch(workerData.url); await res.arrayBuffer(); } catch {}
    const took = performance.now() - started;
    worst = Math.max(worst, took);
    count += 1;
    if (took < workerData.every) await new Promise((done) => setTimeout(done, workerData.every - took));
  }
  parentPort.postMessage({ worst, count });
})();
`;

function pollHealth(url: string): { stop(): Promise<{ worst: number; count: number }> } {
  const worker = new Worker(POLLER, { eval: true, workerData: { url: `${url}/api/health`, every: HEALTH_EVERY_MS } });
  const result = new Promise<{ worst: number; count: number }>((done) => worker.once('message', done));
  return {
    stop: async () => {
      worker.postMessage('stop');
      const stats = await result;
      await worker.terminate();
      return stats;
    },
  };
}

async function importOnce(
  server: Server,
  session: Session,
  periodId: number,
  c: Case,
  run: number,
): Promise<Outcome & { timedOut: boolean }> {
  const body =
    c.rows === 0
      ? ''
      : JSON.stringify({ fileBase64: Buffer.from(csvFile(c.rows, `${c.mode}${c.rows}r${run}x`)).toString('base64'), mode: c.mode });
  await sleep(300);
  const poller = pollHealth(server.url);
  await sleep(100);
  let seconds = 1;
  let answer = '—';
  let timedOut = false;
  if (c.rows === 0) {
    await sleep(1000);
  } else {
    const started = performance.now();
    try {
      const res = await session.post(`/api/periods/${periodId}/applications/import`, body, TIMEOUT_MS);
      seconds = res.seconds;
      const reply = JSON.parse(res.text || '{}') as { code?: string; counts?: { total: number; imported: number } };
      const counts = reply.counts && `${reply.counts.total} rows${reply.counts.imported ? `, ${reply.counts.imported} written` : ''}`;
      answer = `${res.status} ${reply.code ?? counts ?? ''}`.trim();
    } catch (err) {
      timedOut = err instanceof Error && err.name === 'TimeoutError';
      answer = timedOut ? `no answer in ${TIMEOUT_MS / 1000} s` : `failed: ${err instanceof Error ? err.message : String(err)}`;
      seconds = (performance.now() - started) / 1000;
    }
  }
  // A server stuck in an import keeps the last health check waiting: stop it first.
  if (timedOut) await server.stop();
  const health = await poller.stop();
  return { answer, seconds, worstHealthMs: health.worst, healthChecks: health.count, timedOut };
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor((xs.length - 1) / 2)] ?? NaN;

async function runCases(root: string, label: string): Promise<Map<Case, Outcome & { worstOfRuns: number; runs: number }>> {
  const outcomes = new Map<Case, Outcome & { worstOfRuns: number; runs: number }>();
  let server = await startServer(root);
  let { session, periodId } = await openPeriod(server);
  try {
    for (const c of CASES) {
      const runs: Outcome[] = [];
      for (let run = 0; run < REPEATS; run += 1) {
        const o = await importOnce(server, session, periodId, c, run);
        runs.push(o);
        console.log(
          `[${label}] ${c.rows} ${c.mode}: ${o.answer}, ${o.seconds.toFixed(2)} s, longest /api/health ${o.worstHealthMs.toFixed(0)} ms (${o.healthChecks} checks)`,
        );
        if (o.timedOut) {
          server = await startServer(root);
          ({ session, periodId } = await openPeriod(server));
          break; // once is enough to know it does not answer
        }
      }
      outcomes.set(c, {
        answer: runs.at(-1)?.answer ?? '',
        seconds: median(runs.map((r) => r.seconds)),
        worstHealthMs: median(runs.map((r) => r.worstHealthMs)),
        healthChecks: median(runs.map((r) => r.healthChecks)),
        worstOfRuns: Math.max(...runs.map((r) => r.worstHealthMs)),
        runs: runs.length,
      });
    }
  } finally {
    await server.stop();
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------

/** Seconds the sqlite3 command line takes to `.import` the file into a new plain table of a new database. */
function sqliteImportSeconds(file: string, dir: string, run: number): number {
  const db = join(dir, `plain-${run}.sqlite`);
  const started = performance.now();
  const out = spawnSync('sqlite3', [db, '-cmd', '.mode csv', `.import ${file} applications`], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (out.status !== 0) throw new Error(`sqlite3 .import failed: ${out.error?.message ?? out.stderr}`);
  return seconds;
}

/**
 * The least any import can take here: the same rows written into Tandem's own two tables (every
 * index, foreign keys on) with prepared statements, one transaction, no parsing and no checks —
 * what is left of the work once Tandem's own part costs nothing.
 */
async function rawWriteSeconds(rows: number, dir: string, run: number): Promise<number> {
  const handle = createDb({ sqliteFile: join(dir, `floor-${run}.sqlite`) });
  try {
    await migrateToLatest(handle.db);
    const at = new Date().toISOString();
    await sql`insert into periods (name, status, applications_open_on, applications_close_on, matches_announced_on, program_ends_on, survey_opens_on, survey_closes_on, created_at, updated_at)
      values ('Floor', 'applications_open', '2026-01-01', '2026-02-01', '2026-03-01', '2026-12-01', '2026-11-01', '2026-11-20', ${at}, ${at})`.execute(
      handle.db,
    );
  } finally {
    await handle.destroy();
  }
  const db = new SQLite(join(dir, `floor-${run}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const at = new Date().toISOString();
  const user = db.prepare('insert into users (email, name, password_hash, created_at, updated_at) values (?, ?, null, ?, ?)');
  const application = db.prepare(
    `insert into applications (period_id, user_id, role, status, phone, job_title, employer, workplace_type, years_experience,
      career_stage, region, country, time_zone, interests, program_goal_ids, channels, meet_in_person, languages, hopes,
      eligibility_answers, confidential, capacity, decision_reason, carry_forward, carried_from_id, created_at, updated_at)
     values (1, ?, ?, 'submitted', '', 'Librarian', 'Harbor Library', 'public', ?, 'early_career', 'US-ME', 'US', 'America/New_York',
      '["Storytime","Outreach"]', '[1,2]', '["email","video"]', 1, '["English"]', 'Hopes, with a comma', '{}', '{}', ?, null, 0, null, ?, ?)`,
  );
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const id = user.run(`floor${i}@example.org`, `Person ${i}`, at, at).lastInsertRowid;
      application.run(id, i % 4 === 0 ? 'mentor' : 'mentee', i % 30, i % 4 === 0 ? 2 : 1, at, at);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

/**
 * The background import (POST the file, then GET the import until it is done) of `rows` rows,
 * every one written, next to sqlite3's .import of the same file, alternating, REPEATS times each.
 */
async function runFileImport(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-file-'));
  const build = spawnSync('npm', ['run', 'build:cli'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const server = await startServer(REPO, true);
  try {
    const { session, periodId } = await openPeriod(server);
    const plain: number[] = [];
    const floor: number[] = [];
    const tandem: number[] = [];
    let worstHealth = 0;
    let answer = '';
    for (let run = 0; run < REPEATS; run += 1) {
      // New people each run (the same people cannot apply twice); the same shape and size of file.
      const text = csvFile(rows, `file${run}x`);
      const file = join(dir, `applications-${run}.csv`);
      writeFileSync(file, text);
      plain.push(sqliteImportSeconds(file, dir, run));
      floor.push(await rawWriteSeconds(rows, dir, run));
      await sleep(300);
      const poller = pollHealth(server.url);
      await sleep(100);
      const started = performance.now();
      const res = await session.post(`/api/periods/${periodId}/application-imports?mode=good-rows`, text, TIMEOUT_MS, 'text/csv');
      if (res.status !== 202) throw new Error(`the import was refused: ${res.status} ${res.text}`);
      const { id } = JSON.parse(res.text) as { id: number };
      let state: {
        status: string;
        progress?: { step: string } | null;
        result?: { counts: { imported: number } };
        error?: { message: string };
      } = { status: 'running' };
      // When each step was first seen (every 20 ms), to tell where the time goes.
      const stepsSeen = new Map<string, number>([['answered', (performance.now() - started) / 1000]]);
      while (state.status === 'running') {
        if (performance.now() - started > TIMEOUT_MS) throw new Error(`the import did not finish in ${TIMEOUT_MS / 1000} s`);
        await sleep(20);
        state = (await session.json('GET', `/api/application-imports/${id}`)) as typeof state;
        const step = state.progress?.step;
        if (step !== undefined && !stepsSeen.has(step)) stepsSeen.set(step, (performance.now() - started) / 1000);
      }
      tandem.push((performance.now() - started) / 1000);
      const health = await poller.stop();
      worstHealth = Math.max(worstHealth, health.worst);
      answer = state.status === 'done' ? `${state.result?.counts.imported ?? 0} written` : `failed: ${state.error?.message ?? ''}`;
      console.log(
        `run ${run + 1}: sqlite3 .import ${time(plain.at(-1) ?? 0)}, raw writes into Tandem's tables ${time(floor.at(-1) ?? 0)}, Tandem ${time(tandem.at(-1) ?? 0)} (${answer}; ${[...stepsSeen].map(([step, at]) => `${step} at ${at.toFixed(2)} s`).join(', ')}), longest /api/health ${health.worst.toFixed(0)} ms`,
      );
    }
    const ratio = median(tandem.map((t, k) => t / (plain[k] ?? t)));
    const floorRatio = median(floor.map((t, k) => t / (plain[k] ?? t)));
    const table = [
      "| rows | file | sqlite3 .import (plain table) | raw writes into Tandem's tables | Tandem background import | ratio | floor ratio | longest /api/health |",
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${rows.toLocaleString('en-US')} | ${fileMb(rows)} MB | ${time(median(plain))} | ${time(median(floor))} | ${time(median(tandem))} (${answer}) | ${ratio.toFixed(2)}× | ${floorRatio.toFixed(2)}× | ${worstHealth.toFixed(0)} ms |`,
    ].join('\n');
    console.log(
      `\n${table}\n\nMedians of ${REPEATS} runs; the ratio is the median of each run's pair. Health: the longest wait in any run.\n`,
    );
    benchFigure({
      item: '3. Import',
      what: `${rows.toLocaleString('en-US')} rows, time ÷ sqlite3 .import`,
      value: ratio,
      unit: '×',
      aim: { atMost: 3 },
    });
    benchFigure({
      item: '3. Import',
      what: 'longest /api/health wait during it',
      value: Math.round(worstHealth),
      unit: 'ms',
      aim: { atMost: 100 },
    });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fileMb = (rows: number) => (Buffer.byteLength(csvFile(rows, 'size')) / 1e6).toFixed(1);
const describeCase = (c: Case) =>
  c.rows === 0
    ? 'no import (1 s of health checks)'
    : `${c.rows.toLocaleString('en-US')}${c.mode === 'good-rows' ? ' (good-rows: writes them)' : ''}`;
const time = (seconds: number) => (seconds < 0.1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`);
const cell = (c: Case, o: (Outcome & { worstOfRuns: number; runs: number }) | undefined) =>
  o
    ? [
        o.answer,
        c.rows === 0 ? '—' : time(o.seconds),
        `${o.worstHealthMs.toFixed(0)} ms${o.runs > 1 ? ` (max ${o.worstOfRuns.toFixed(0)})` : ''}`,
      ]
    : ['—', '—', '—'];

const FILE_ROWS = flag('--file');
if (FILE_ROWS !== undefined) {
  await runFileImport(Number(FILE_ROWS));
  process.exit(0);
}

const before = BASELINE ? await runCases(resolve(BASELINE), 'baseline') : undefined;
const after = await runCases(REPO, 'this checkout');

const header = before
  ? [
      'rows',
      'file',
      'before: answer',
      'before: import',
      'before: longest /api/health',
      'after: answer',
      'after: import',
      'after: longest /api/health',
    ]
  : ['rows', 'file', 'answer', 'import', 'longest /api/health'];
const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
for (const c of CASES) {
  const cells = [
    describeCase(c),
    c.rows === 0 ? '—' : `${fileMb(c.rows)} MB`,
    ...(before ? cell(c, before.get(c)) : []),
    ...cell(c, after.get(c)),
  ];
  lines.push(`| ${cells.join(' | ')} |`);
}
const table = lines.join('\n');
const note = `Medians of ${REPEATS} runs (a run that gets no answer is not repeated); "max" is the longest health wait in any run.`;
console.log(`\n${table}\n\n${note}\n`);
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
writeFileSync(file, `Node ${process.version}${BASELINE ? `, baseline ${BASELINE}` : ''}\n\n${table}\n\n${note}\n`);
console.log(`Saved to ${file}`);
