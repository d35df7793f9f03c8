/**
 * A matching run in the app at association scale (issue #16 item 4): 10,000 mentees and 2,500
 * mentors, started from the staff API as the matching page does, while a health check asks
 * GET /api/health without pause. Prints how long the run took, its progress as the page saw it,
 * and the health checks' latencies (the aim: the run within 30 s, health p99 ≤ 100 ms).
 *
 *   npm run bench:app-matching                          10,000 × 2,500
 *   npm run bench:app-matching -- --mentees 2000 --mentors 500
 *
 * The applicants are those of `tandem seed` (their answers come from the demo's generator), copied
 * as accepted applications into a period in its matching phase; the seed's matches are ended
 * first, so nobody is held back by a match of another period.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { periodIn } from '../../test/api/matching-fixtures.ts';
import { jobDeps } from '../../test/setup/job-deps.ts';
import { benchFigure } from '../figure.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const MENTEES = Number(option('--mentees') ?? 10_000);
const MENTORS = Number(option('--mentors') ?? 2_500);
const HEALTH_EVERY_MS = 20;

function seed(dataDir: string): { email: string; password: string } {
  if (!existsSync(join(REPO, 'dist/cli/main.mjs'))) spawnSync('npm', ['run', 'build:cli'], { cwd: REPO, stdio: 'inherit' });
  // The seed's newest period holds about 37 % of its people, a fifth of them mentors.
  const people = Math.ceil(((MENTEES + MENTORS) / 0.37) * 1.2);
  const run = spawnSync(process.execPath, ['bin/tandem.js', 'seed', '--people', String(people), '--no-progress'], {
    cwd: REPO,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`tandem seed failed:\n${run.stdout}`);
  const m = /email: (\S+) password: (\S+)/.exec(run.stdout);
  if (!m) throw new Error('the seed printed no sign-in');
  return { email: m[1] ?? '', password: m[2] ?? '' };
}

/** A period in its matching phase holding MENTEES + MENTORS accepted applications. */
async function matchingPeriod(sqliteFile: string): Promise<number> {
  const { db, destroy } = createDb({ sqliteFile });
  try {
    await db.updateTable('matches').set({ status: 'ended', ended_at: new Date().toISOString() }).where('status', '=', 'active').execute();
    const id = await periodIn(jobDeps(db, 'sqlite', fixedClock(new Date())), 'matching');
    // Every column of an application but its own id, period, status and the decision's: read from
    // the table, so a new column is copied without this list changing.
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info('applications')`.execute(db);
    const own = new Set(['id', 'period_id', 'status', 'decision_reason', 'carry_forward', 'carried_from_id', 'carry_forward_as']);
    const columns = sql.join(rows.filter((r) => !own.has(r.name)).map((r) => sql.ref(r.name)));
    for (const [role, n] of [
      ['mentee', MENTEES],
      ['mentor', MENTORS],
    ] as const) {
      // Each person's latest application in that role, one per person.
      const added = await sql`insert into applications (period_id, status, ${columns})
        select ${id}, 'accepted', ${columns} from applications
        where id in (select max(id) from applications where role = ${role} group by user_id order by max(id) desc limit ${n})`.execute(db);
      const made = Number(added.numAffectedRows ?? 0);
      if (made < n) throw new Error(`only ${made} ${role}s to copy; seed more people`);
    }
    await sql`analyze`.execute(db);
    return id;
  } finally {
    await destroy();
  }
}

/**
 * Staff approve the run (every pair becomes a match, everyone in the pool gets their e-mail, in
 * one transaction) while one client asks GET /api/health (the process alone) and another
 * GET /api/ready (which reads the database) every 20 ms: how long approval takes, and how long
 * anyone else waits meanwhile.
 */
async function approveWhileChecking(
  base: string,
  client: { request(method: string, path: string, body?: unknown): Promise<Response> },
  runId: number,
  pairs: number,
) {
  let checking = true;
  const waits = { health: [] as number[], ready: [] as number[] };
  const check = async (path: string, into: number[]) => {
    while (checking) {
      const t0 = performance.now();
      await (await fetch(`${base}${path}`)).arrayBuffer();
      into.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  };
  const checkers = [check('/api/health', waits.health), check('/api/ready', waits.ready)];
  await new Promise((resolve) => setTimeout(resolve, 200));
  const t0 = performance.now();
  const res = await client.request('POST', `/api/matching-runs/${runId}/approve`, {});
  const seconds = (performance.now() - t0) / 1000;
  const body = await res.text();
  checking = false;
  await Promise.all(checkers);
  if (res.status !== 200) throw new Error(`approving: ${res.status} ${body}`);
  const max = (xs: number[]) => Math.max(0, ...xs);
  console.log(`\nApproved ${pairs.toLocaleString('en-US')} pairs in ${seconds.toFixed(1)} s`);
  console.log('| meanwhile | n | max ms |');
  console.log('| --- | --- | --- |');
  console.log(`| GET /api/health (the process) | ${waits.health.length} | ${max(waits.health).toFixed(0)} |`);
  console.log(`| GET /api/ready (reads the database) | ${waits.ready.length} | ${max(waits.ready).toFixed(0)} |`);
  benchFigure({
    item: '4. Matching in the app',
    what: 'longest /api/health wait while approving',
    value: Number(max(waits.health).toFixed(0)),
    unit: 'ms',
    aim: { atMost: 100 },
  });
}

async function main() {
  const { startAppProcess } = await import('../../test/setup/app-server.ts');
  const { HttpClient } = await import('../../test/setup/http-client.ts');
  const dir = mkdtempSync(join(tmpdir(), 'tandem-app-matching-'));
  try {
    const started = performance.now();
    const staff = seed(dir);
    const periodId = await matchingPeriod(join(dir, 'tandem.sqlite'));
    console.log(
      `Seeded and copied ${MENTEES.toLocaleString('en-US')} mentees and ${MENTORS.toLocaleString('en-US')} mentors in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const server = await startAppProcess({
      dataDir: dir,
      env: { RUN_JOBS: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_AUTH_PER_MINUTE: '1000' },
    });
    try {
      const client = new HttpClient(server.url);
      await client.signIn(staff);
      const health: number[] = [];
      /** When each check started, in seconds from the run's start (negative: before it). */
      const at: number[] = [];
      let runStartedAt = Number.POSITIVE_INFINITY;
      let running = true;
      const checker = (async () => {
        while (running) {
          const t0 = performance.now();
          const res = await fetch(`${server.url}/api/health`);
          await res.arrayBuffer();
          health.push(performance.now() - t0);
          at.push((t0 - runStartedAt) / 1000);
          await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the noise floor first
      const before = health.length;

      const t0 = performance.now();
      runStartedAt = t0;
      const start = await client.request('POST', `/api/periods/${periodId}/matching-runs`, {});
      if (start.status !== 202) throw new Error(`starting the run: ${start.status} ${await start.text()}`);
      const run = (await start.json()) as { id: number };
      const progress: string[] = [];
      let status = 'running';
      let pairs = 0;
      while (status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const res = await client.request('GET', `/api/matching-runs/${run.id}`);
        const body = (await res.json()) as { status: string; progress: number; result: { pairs?: unknown[] } | null };
        status = body.status;
        pairs = body.result?.pairs?.length ?? 0;
        progress.push(`${((performance.now() - t0) / 1000).toFixed(1)} s: ${Math.round(body.progress * 100)} %`);
      }
      const seconds = (performance.now() - t0) / 1000;
      running = false;
      await checker;

      const during = health.slice(before).sort((a, b) => a - b);
      const floor = health.slice(0, before).sort((a, b) => a - b);
      const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
      console.log(`\nRun ${status} in ${seconds.toFixed(1)} s with ${pairs.toLocaleString('en-US')} pairs (aim: within 30 s)`);
      console.log(`Progress as the page saw it: ${progress.join(', ')}`);
      console.log('| health checks | n | p50 ms | p99 ms | max ms |');
      console.log('| --- | --- | --- | --- | --- |');
      console.log(
        `| before the run | ${floor.length} | ${q(floor, 0.5).toFixed(1)} | ${q(floor, 0.99).toFixed(1)} | ${(floor.at(-1) ?? 0).toFixed(1)} |`,
      );
      console.log(
        `| during the run | ${during.length} | ${q(during, 0.5).toFixed(1)} | ${q(during, 0.99).toFixed(1)} | ${(during.at(-1) ?? 0).toFixed(1)} |`,
      );
      const what = `${MENTEES.toLocaleString('en-US')} × ${MENTORS.toLocaleString('en-US')}`;
      benchFigure({
        item: '4. Matching in the app',
        what: `run of ${what}`,
        value: Number(seconds.toFixed(1)),
        unit: 's',
        aim: { atMost: 30 },
      });
      benchFigure({
        item: '4. Matching in the app',
        what: '/api/health p99 during the run',
        value: Number(q(during, 0.99).toFixed(0)),
        unit: 'ms',
        aim: { atMost: 100 },
      });
      const slowest = health
        .map((ms, i) => ({ ms, at: at[i] ?? 0 }))
        .filter((h) => h.at >= 0)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5);
      console.log(`Slowest checks: ${slowest.map((h) => `${h.ms.toFixed(0)} ms at ${h.at.toFixed(1)} s`).join(', ')}`);
      if (status === 'done') await approveWhileChecking(server.url, client, run.id, pairs);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
