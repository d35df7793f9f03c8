/**
 * Load and memory (issue #15 item 10): the real server with 100,000 people, 50 connections.
 *
 *   npm run bench:load                      30 s per target, then a 5-minute mixed soak
 *   npm run bench:load -- --seconds 10 --soak 60 --people 20000    a quicker look
 *
 * Seeds a SQLite database (100,000 people with their roles, a program, an active period and one
 * matched pair), starts `tandem serve` on it as a child process (RUN_JOBS=false, LOG_LEVEL=warn),
 * signs in a mentee and a staff member, and drives each target with autocannon: a participant's
 * pages (who am I, my matches, the match workspace) and the staff people list searched. Then a
 * soak: all the targets at once for --soak seconds while the server's resident memory is read from
 * /proc every second. Prints p50/p99, requests per second and non-2xx answers per target, and the
 * memory growth after warm-up.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDb } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { setUpProgramData } from '../../src/features/accounts/setup.service.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { startAppProcess } from '../../test/setup/app-server.ts';
import { jobDeps } from '../../test/setup/job-deps.ts';
import { activePeriod } from '../../test/setup/job-fixtures.ts';
import { createTestMatch } from '../../test/setup/match-fixtures.ts';
import { createPerson, TEST_PASSWORD } from '../../test/setup/test-app.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const PEOPLE = flag('--people', 100_000);
const SECONDS = flag('--seconds', 30);
const SOAK = flag('--soak', 300);
const CONNECTIONS = 50;

async function seed(sqliteFile: string): Promise<{ menteeEmail: string; staffEmail: string; matchId: number }> {
  const handle = createDb({ sqliteFile });
  try {
    await migrateToLatest(handle.db);
    const deps = jobDeps(handle.db, 'sqlite', fixedClock(new Date()));
    await setUpProgramData(handle.db, new Date(), { programName: 'Load Program', timeZone: 'America/Chicago' });
    const staff = await createPerson(deps, ['staff'], 'Load Staff');
    const periodId = await activePeriod(deps);
    const match = await createTestMatch(deps, { periodId, names: ['Marta Mentor', 'Milo Mentee'] });
    const mentee = await handle.db.selectFrom('users').select('email').where('id', '=', match.menteeId).executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const first = ['Amara', 'Ben', 'Chloe', 'Dmitri', 'Esther', 'Farah', 'Gabriel', 'Hana', 'Ines', 'Jonas'];
    const last = ['Brennan', 'Castillo', 'Dubois', 'Ferreira', 'Garcia', 'Haddad', 'Okonkwo', 'Patel', 'Rossi', 'Usman'];
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < PEOPLE; i += 500) {
        const rows = Array.from({ length: Math.min(500, PEOPLE - i) }, (_, k) => {
          const n = i + k;
          return {
            email: `person.${n}@example.org`,
            name: `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]}`,
            password_hash: null,
            disabled_at: null,
            created_at: at,
            updated_at: at,
          };
        });
        const ids = await trx.insertInto('users').values(rows).returning('id').execute();
        await trx
          .insertInto('user_roles')
          .values(ids.map(({ id }, k) => ({ user_id: id, role: (i + k) % 4 === 0 ? ('mentor' as const) : ('mentee' as const) })))
          .execute();
      }
    });
    return { menteeEmail: mentee.email, staffEmail: staff.email, matchId: match.id };
  } finally {
    await handle.destroy();
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
  return cookie?.split(';')[0] ?? '';
}

interface Target {
  name: string;
  path: string;
  cookie: string;
}

function drive(base: string, targets: Target[], seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: targets.map((t) => ({ method: 'GET', path: t.path, headers: { cookie: t.cookie } })),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-load-'));
  try {
    const t0 = performance.now();
    const people = await seed(join(dir, 'tandem.sqlite'));
    console.log(`${PEOPLE.toLocaleString('en-US')} people seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const server = await startAppProcess({ dataDir: dir, env: { RUN_JOBS: 'false', LOG_LEVEL: 'warn' } });
    try {
      const mentee = await signIn(server.url, people.menteeEmail);
      const staff = await signIn(server.url, people.staffEmail);
      const targets: Target[] = [
        { name: 'participant: who am I (/api/me)', path: '/api/me', cookie: mentee },
        { name: 'participant: my matches', path: '/api/my/matches', cookie: mentee },
        { name: 'participant: the match workspace', path: `/api/matches/${people.matchId}/workspace`, cookie: mentee },
        { name: 'staff: people searched "patel"', path: '/api/users?q=patel&limit=50', cookie: staff },
        { name: 'staff: people, mentors, by name', path: '/api/users?role=mentor&limit=50', cookie: staff },
      ];
      console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, LOG_LEVEL=warn`);
      console.log('| target | req/s | p50 ms | p99 ms | non-2xx | errors / time-outs (10 s) |');
      console.log('| --- | --- | --- | --- | --- | --- |');
      for (const target of targets) {
        const r = await drive(server.url, [target], SECONDS);
        console.log(
          `| ${target.name} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${r.errors} / ${r.timeouts} |`,
        );
      }
      if (SOAK > 0) {
        const pid = server.pid;
        const samples: number[] = [];
        const timer = setInterval(() => samples.push(rssMb(pid)), 1000);
        const r = await drive(server.url, targets, SOAK);
        clearInterval(timer);
        const warm = samples[Math.min(30, samples.length - 1)] ?? 0;
        const end = samples.at(-1) ?? 0;
        const peak = Math.max(...samples);
        console.log(
          `\nSoak: all five targets mixed for ${SOAK} s: ${r.requests.total.toLocaleString('en-US')} requests, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} time-outs`,
        );
        console.log(
          `Resident memory: ${samples[0]?.toFixed(0)} MB at the start, ${warm.toFixed(0)} MB after 30 s, ${end.toFixed(0)} MB at the end (peak ${peak.toFixed(0)}): growth after warm-up ${(end - warm).toFixed(1)} MB`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
