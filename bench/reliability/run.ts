/**
 * Reliability and security suite with figures (issue #15).
 *
 *   npm run bench:reliability            the fast suites (SQLite and PostgreSQL), then one table
 *   npm run bench:reliability -- --walk  also the browser walk of every page (item 12, ~5 minutes)
 *
 * Runs the tests that prove each item with TANDEM_FIGURES set, so each one appends what it
 * measured (test/setup/figures.ts), and prints one table of those figures. The same tests run in
 * `npm test` without writing anything. Also writes the authorization matrix as the server answered
 * it, route by route and caller by caller, to bench/reliability/authorization-matrix.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const here = fileURLToPath(new URL('.', import.meta.url));

/** The test files that prove the items, in item order. */
const FILES = [
  'test/api/malformed-input-sweep.test.ts',
  'test/api/authorization-matrix.test.ts',
  'test/api/sessions-across-instances.test.ts',
  'test/api/csrf.test.ts',
  'test/api/sign-in-limits.test.ts',
  'test/api/idempotent-writes.test.ts',
  'test/api/crash-recovery.test.ts',
  'test/api/several-instances.test.ts',
  'test/api/operations.test.ts',
  'src/features/reminders/reminder.dst-sweep.test.ts',
  'test/api/headers-and-denials.test.ts',
];

type Figure = Record<string, string | number> & { item: string; dialect?: string };

function runVitest(files: string[], figures: string, config?: string): number {
  const result = spawnSync('npx', ['vitest', 'run', ...(config ? ['--config', config] : []), '--reporter=dot', ...files], {
    stdio: 'inherit',
    // The crash test kills the server 50 times here (4 in `npm test`).
    env: { ...process.env, CI: 'true', TANDEM_FIGURES: figures, TANDEM_CRASH_KILLS: process.env.TANDEM_CRASH_KILLS ?? '50' },
  });
  return result.status ?? 1;
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-reliability-'));
const figuresFile = join(dir, 'figures.jsonl');
writeFileSync(figuresFile, '');
const started = performance.now();
let status = runVitest(FILES, figuresFile);
if (args.includes('--walk')) {
  spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  status ||= runVitest(['test/e2e/every-page-walk.test.ts'], figuresFile, 'vitest.e2e.config.ts');
}
const figures: Figure[] = readFileSync(figuresFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Figure);
rmSync(dir, { recursive: true, force: true });

const of = (item: string, dialect?: string) => figures.find((f) => f.item === item && (dialect === undefined || f.dialect === dialect));
const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '–'));

/** Each item: how its figures read, per database (or once, for what does not touch one). */
/** perDialect false: one figure, shown under the database it ran on (`on`), or under none. */
const ROWS: { no: string; what: string; show: (f: Figure) => string; item: string; perDialect: boolean; on?: 'sqlite' | 'postgres' }[] = [
  {
    no: '1',
    what: 'Bad input on every operation',
    item: 'bad-input',
    perDialect: true,
    show: (f) =>
      `${n(f.operations)} operations, ${n(f.requests)} malformed requests: ${n(f.failures)} 5xx, unshaped or accepted; database unchanged`,
  },
  {
    no: '2',
    what: 'Authorization matrix',
    item: 'authorization',
    perDialect: true,
    show: (f) => `${n(f.routes)} routes × ${n(f.callers)} callers (own/other record): ${n(f.checks)} checks, ${n(f.mismatches)} mismatches`,
  },
  {
    no: '3',
    what: 'Sessions on two instances',
    item: 'sessions',
    perDialect: true,
    show: (f) =>
      `sign-out, disabling and idle time-out end them on both; ${n(f.tokens)} tokens of ${n(f.tokenBits)} bits, ${n(f.duplicates)} repeated`,
  },
  {
    no: '4',
    what: 'CSRF on every change, every path spelling',
    item: 'csrf',
    perDialect: true,
    show: (f) =>
      `${n(f.routes)} change routes, ${n(f.requests)} forged requests: ${n(f.refused)} refused (403), ${n(f.audited)} audited; database unchanged`,
  },
  {
    no: '5',
    what: 'Sign-in limits shared by instances',
    item: 'sign-in-limits',
    perDialect: true,
    show: (f) =>
      `${n(f.instances)} instances, one budget: paused after ${n(f.failuresAllowed)} failures on both; ${n(f.auditEntries)} audit entry`,
  },
  {
    no: '6',
    what: 'Idempotent writes',
    item: 'idempotency',
    perDialect: true,
    show: (f) =>
      `${n(f.lostAnswers)} writes committed with their answers lost, retried: ${n(f.replayed)} replayed, ${n(f.madeTwice)} made twice`,
  },
  {
    no: '7',
    what: 'SIGKILLs during a stream of writes',
    item: 'crash',
    perDialect: true,
    show: (f) =>
      `${n(f.kills)} kills, ${n(f.writesSent)} writes sent, ${n(f.acknowledged)} acknowledged: ${n(f.lost)} lost, ${n(f.halfWritten)} half-written; ${n(f.bulkTried)} bulk decisions (3,000 applications each) in flight, ${n(f.bulkWhole)} whole, the rest not at all; integrity_check ${String(f.integrity)}`,
  },
  {
    no: '8',
    what: 'Reminders across daylight saving',
    item: 'dst',
    perDialect: false,
    show: (f) =>
      `${n(f.zones)} zones, ${n(f.changes)} changes 2024–2030, ${n(f.reminders)} reminders: ${n(f.missed)} missed, ${n(f.doubled)} twice, ${n(f.wrongTime)} off 09:00; same under TZ=UTC and America/New_York`,
  },
  {
    no: '9',
    what: 'Three instances behind nginx',
    item: 'instances',
    perDialect: false,
    on: 'postgres',
    show: (f) =>
      `sessions valid on all 3, one sign-in budget; ${n(f.invitations)} invitations sent twice each (a retry): ${n(f.replayed)} replayed, ${n(f.invitations)} made, ${n(f.onTheWire)} mails over SMTP`,
  },
  {
    no: '9',
    what: 'Reminders from three job workers, one killed',
    item: 'instance-jobs',
    perDialect: false,
    on: 'postgres',
    show: (f) =>
      `${n(f.mails)} reminder mails (${n(f.reminders)} jobs) by ${n(f.workersSeen)} workers: each recorded once, ${n(f.onTheWire)} over SMTP, none twice; the killed one held ${n(f.heldByKilled)}, ${n(f.takenOver)} taken over; ${n(f.leftSending)} left mid-handover`,
  },
  {
    no: '10',
    what: 'SIGTERM under load (one instance)',
    item: 'drain',
    perDialect: false,
    on: 'sqlite',
    show: (f) =>
      `${n(f.clients)} clients, health check every 200 ms: /api/ready 503 after ${n(f.notReadyAfterMs)} ms, ${n(f.answeredWhileDraining)} answered meanwhile, ${n(f.dropped)} dropped`,
  },
  {
    no: '10',
    what: 'Rolling restart under load (nginx)',
    item: 'rolling-restart',
    perDialect: false,
    on: 'postgres',
    show: (f) => `${n(f.clients)} clients, one instance stopped with SIGTERM: ${n(f.answered)} answered, ${n(f.failed)} failed`,
  },
  {
    no: '11',
    what: 'Headers',
    item: 'headers',
    perDialect: true,
    show: (f) =>
      `CSP, nosniff, frame-ancestors on ${n(f.answers)} answers of ${n(f.getRoutes)} GET routes; no-store on all ${n(f.jsonAnswers)} JSON ones`,
  },
  {
    no: '11',
    what: 'Refusals audited',
    item: 'audit-403',
    perDialect: true,
    show: (f) => `${n(f.refused)} refusals (role, path spelling, CSRF): ${n(f.audited)} audited; signed-out 401s not recorded`,
  },
  {
    no: '11',
    what: 'Log lines',
    item: 'log-lines',
    perDialect: true,
    show: (f) => `${n(f.entries)} entries with forged line breaks in input: ${n(f.split)} split`,
  },
  {
    no: '12',
    what: 'Every page, every role (browser)',
    item: 'walk',
    perDialect: false,
    show: (f) =>
      `${n(f.roles)} roles, ${n(f.pages)} pages × ${n(f.passes)} passes (360/1280 px, light/dark): ${n(f.problems)} problems (axe WCAG 2.1 AA, console errors, sideways scroll)`,
  },
];

console.log(`\nReliability and security (issue #15), ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
console.log('| # | what | SQLite | PostgreSQL |');
console.log('| --- | --- | --- | --- |');
for (const row of ROWS) {
  if (row.perDialect) {
    const s = of(row.item, 'sqlite');
    const p = of(row.item, 'postgres');
    console.log(`| ${row.no} | ${row.what} | ${s ? row.show(s) : 'not run'} | ${p ? row.show(p) : 'not run'} |`);
  } else {
    const f = of(row.item);
    const shown = f ? row.show(f) : 'not run';
    if (row.on === 'postgres') console.log(`| ${row.no} | ${row.what} | (PostgreSQL only) | ${shown} |`);
    else if (row.on === 'sqlite') console.log(`| ${row.no} | ${row.what} | ${shown} | (SQLite only) |`);
    else console.log(`| ${row.no} | ${row.what} | ${shown} | (no database) |`);
  }
}
console.log('| 10 | 50 connections for 30 s with 100,000 people; memory over 5 minutes | see `npm run bench:load` | |');

// The authorization matrix as answered (SQLite run): routes × callers.
const rows = figures.filter((f) => f.item === 'authorization-row');
if (rows.length > 0) {
  const callers = ['anonymous', 'applicant', 'mentee', 'mentor', 'committee', 'taskforce', 'staff'].filter((c) => rows.some((r) => c in r));
  const lines = [
    '# Authorization matrix, as the server answered it',
    '',
    'Written by `npm run bench:reliability` from `test/api/authorization-matrix.test.ts` (SQLite run): the',
    'status each caller got on each route, for their own record / someone else’s where the route is',
    'about one. The test fails on any answer the matrix does not allow.',
    '',
    `| route | ${callers.join(' | ')} |`,
    `| --- | ${callers.map(() => '---').join(' | ')} |`,
    ...rows
      .sort((a, b) => String(a['route']).localeCompare(String(b['route'])))
      .map((r) => `| \`${String(r['route'])}\` | ${callers.map((c) => String(r[c] ?? '')).join(' | ')} |`),
    '',
  ];
  const out = join(here, 'authorization-matrix.md');
  writeFileSync(out, lines.join('\n'));
  spawnSync('npx', ['prettier', '--log-level', 'warn', '--write', out], { stdio: 'inherit' });
  console.log(`\nAuthorization matrix (${rows.length} routes × ${callers.length} callers) written to ${out}`);
} else if (!existsSync(join(here, 'authorization-matrix.md'))) {
  console.log('\nNo authorization-matrix rows were recorded (the matrix test did not run on SQLite).');
}
process.exit(status);
