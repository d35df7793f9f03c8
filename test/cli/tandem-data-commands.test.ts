import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import { waitForRun } from '../../src/features/matching-runs/run-executor.ts';
import { buildTestApp, sessionClient } from '../setup/test-app.ts';
import type { CommandLine, CommandResult } from './tandem-in-one-process.ts';
import { cliEnv, runTandem, inOneProcess as runInOneProcess } from './run-tandem.ts';

// `tandem import applications` and `tandem match --period` against a real program: the demo's,
// made once by `tandem demo --no-serve` and copied for each test, so the tests run side by side.
// The commands that change data are spawned as a user runs them (bin/tandem.js); the help pages
// and the refusals run in one other process through the same runCli (see tandem-cli.test.ts).

const repo = process.cwd();
const root = mkdtempSync(join(tmpdir(), 'tandem-data-cli-'));
const baseEnv = cliEnv();

const STAFF = 'staff@demo.tandem.test';
const COMMITTEE = 'committee@demo.tandem.test';
/** The demo's periods: "2025 cohort" is closed, "2026 cohort" takes applications and has an accepted pool. */
const OPEN = '2026 cohort';
const CLOSED = '2025 cohort';

const tandem = (args: string[], dataDir: string, cwd = repo): Promise<CommandResult> =>
  runTandem(args, { ...baseEnv, TANDEM_DATA_DIR: dataDir }, cwd);

const inOneProcess = (commands: CommandLine[]): Promise<CommandResult[]> => runInOneProcess(commands, baseEnv);

let demoDir: string;
/** A data directory of its own holding a copy of the demo program. */
function demoCopy(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const suffix of ['', '-wal', '-shm']) {
    const from = join(demoDir, `tandem.sqlite${suffix}`);
    if (existsSync(from)) copyFileSync(from, join(dir, `tandem.sqlite${suffix}`));
  }
  return dir;
}

function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, 'tandem.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const count = (dataDir: string, sql: string, ...params: unknown[]) => query<{ n: number }>(dataDir, sql, ...params)[0]?.n;
const applicationsIn = (dataDir: string, period: string) =>
  count(dataDir, 'select count(*) as n from applications a join periods p on p.id = a.period_id where p.name = ?', period);

function setPeriodStatus(dataDir: string, period: string, status: string): void {
  const db = new Database(join(dataDir, 'tandem.sqlite'));
  try {
    db.prepare('update periods set status = ? where name = ?').run(status, period);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const seed = await tandem(['demo', '--no-serve'], join(root, 'seed'));
  if (seed.code !== 0) throw new Error(`tandem demo failed: ${seed.stderr}`);
  demoDir = join(root, 'seed', 'demo');
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Goal titles in any case, ids, a heading only --map explains, and one row naming a goal the program lacks. */
const IMPORT_CSV = [
  'Your e-mail,Full Name,Applying as,Library type,Years of experience,Stage,Region,Time zone,Interests,Goals,Channels,In person,Languages',
  'ann@example.org,Ann Able,mentee,public,2,early_career,US-IL,America/Chicago,Storytime,"grow EARLY-career confidence ; 2",email,no,English',
  'bob@example.org,Bob Bee,mentee,school,1,student,US-NY,America/New_York,Books,Learn from peers; Knitting,chat,no,English',
].join('\n');

describe.concurrent('tandem import applications', { timeout: 180_000 }, () => {
  const fileIn = (dataDir: string) => {
    const file = join(dataDir, 'applications.csv');
    writeFileSync(file, `${IMPORT_CSV}\n`);
    return file;
  };

  it('imports nothing while a row is bad, then the good rows with --only-valid, goals by title, with a progress bar and a summary', async () => {
    const data = demoCopy('import-good');
    const file = fileIn(data);
    const before = applicationsIn(data, OPEN) ?? 0;
    const args = ['import', 'applications', file, '--period', OPEN, '--as', STAFF, '--map', 'Your e-mail=email'];

    const strict = await tandem(args, data);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${file}:3: program_goals: The program has no goal called "Knitting"`);
    expect(strict.stderr).toContain('1 of 2 rows has errors, so nothing was imported.');
    expect(applicationsIn(data, OPEN)).toBe(before);

    const lenient = await tandem([...args, '--only-valid'], data);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stdout).toBe(`Imported 1 application into "${OPEN}"; skipped 1 row with errors (listed above).\n`);
    // Not at a terminal, the bar is a line per step (and one every 2 s while it lasts).
    expect(lenient.stderr).toMatch(/^Reading and checking \(bytes\): (\d+)\/\1 \(100%\)\nWriting rows: 1\/1 \(100%\)\n/);
    expect(applicationsIn(data, OPEN)).toBe(before + 1);
    const [ann] = query<{ program_goal_ids: string; status: string }>(
      data,
      'select a.program_goal_ids, a.status from applications a join users u on u.id = a.user_id where u.email = ?',
      'ann@example.org',
    );
    const growId = query<{ id: number }>(data, "select id from program_goals where title = 'Grow early-career confidence'")[0]?.id;
    expect(JSON.parse(ann?.program_goal_ids ?? '[]')).toEqual([growId, 2]);
    expect(count(data, "select count(*) as n from users where email = 'bob@example.org'")).toBe(0);
    // Recorded as the person named with --as, as the web page records whoever is signed in.
    expect(
      query<{ email: string }>(
        data,
        "select u.email from audit_log l join users u on u.id = l.actor_id where l.action = 'applications.imported'",
      ),
    ).toEqual([{ email: STAFF }]);
  });

  it('imports more rows than the old limit of 5,000 in one go, as the web page does', async () => {
    const data = demoCopy('import-many');
    const file = join(data, 'many.csv');
    const rows = Array.from(
      { length: 6_000 },
      (_, i) => `many${i}@example.org,Many ${i},mentee,public,2,early_career,US-IL,America/Chicago,Storytime,2,email,no,English`,
    );
    writeFileSync(file, `${IMPORT_CSV.split('\n')[0]}\n${rows.join('\n')}\n`);
    const before = applicationsIn(data, OPEN) ?? 0;
    const run = await tandem(
      ['import', 'applications', file, '--period', OPEN, '--as', STAFF, '--map', 'Your e-mail=email', '--no-progress'],
      data,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Imported 6000 applications into "${OPEN}".\n`);
    expect(applicationsIn(data, OPEN)).toBe(before + 6_000);
  });

  it('refuses a closed period and an unknown one with one line, changing nothing', async () => {
    const data = demoCopy('import-refused');
    const file = fileIn(data);
    const total = count(data, 'select count(*) as n from applications');
    const users = count(data, 'select count(*) as n from users');
    const closed = await tandem(['import', 'applications', file, '--period', CLOSED, '--as', STAFF, '--only-valid'], data);
    expect(closed).toMatchObject({ code: 1, stdout: '', stderr: 'tandem: A closed period can no longer take applications.\n' });
    const unknown = await tandem(['import', 'applications', file, '--period', 'Nope', '--as', STAFF, '--only-valid'], data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^tandem: No period is named or numbered "Nope"\. Periods: .*"2026 cohort" \(\d+\)/);
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(count(data, 'select count(*) as n from applications')).toBe(total);
    expect(count(data, 'select count(*) as n from users')).toBe(users);
  });
});

describe.concurrent('tandem match --period', { timeout: 180_000 }, () => {
  it('writes the proposal CSV where it says, and matches nobody without --approve', async () => {
    const data = demoCopy('match-proposal');
    const res = await tandem(['match', '--period', OPEN, '--as', COMMITTEE], data, data);
    expect(res.code, res.stderr).toBe(0);
    const [, matched, total] = /matched (\d+) of (\d+) mentees/.exec(res.stdout) ?? [];
    expect(res.stdout).toContain('Wrote matching-2026-cohort-run-1.csv.');
    expect(res.stderr).toMatch(/^Matching: 100\/100 \(100%\)$/m);
    const csv = readFileSync(join(data, 'matching-2026-cohort-run-1.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('mentee_application_id,mentee,mentor_application_id,mentor,score,locked,explanation');
    expect(csv).toHaveLength(1 + Number(total));
    expect(csv.filter((line) => /^\d+,[^,]+,\d+,/.test(line))).toHaveLength(Number(matched));
    expect(count(data, "select count(*) as n from matching_runs where status = 'done'")).toBe(1);
    expect(count(data, 'select count(*) as n from matches m join periods p on p.id = m.period_id where p.name = ?', OPEN)).toBe(0);
  });

  it('--approve creates the same matches and the same mail as approving the same run on the web page', async () => {
    const cli = demoCopy('approve-cli');
    setPeriodStatus(cli, OPEN, 'matching');
    const web = demoCopy('approve-web');
    setPeriodStatus(web, OPEN, 'matching');
    const outboxBefore = count(cli, 'select max(id) as n from outbox') ?? 0;

    const out = join(cli, 'proposal.csv');
    const res = await tandem(['match', '--period', OPEN, '--as', COMMITTEE, '--out', out, '--approve'], cli);
    expect(res.code, res.stderr).toBe(0);
    const [, created] = /Approved: (\d+) matches created/.exec(res.stdout) ?? [];
    expect(Number(created)).toBeGreaterThan(10);
    expect(res.stdout).toContain(`"${OPEN}" is now active.`);

    // The same program, approved through the API the Matching page calls, at the same moment.
    const sqliteFile = join(web, 'tandem.sqlite');
    const handle = createDb({ sqliteFile });
    const ctx = await buildTestApp({ db: handle.db, dialect: handle.dialect, handle, sqliteFile });
    try {
      ctx.clock.set(new Date().toISOString());
      const committeeId = query<{ id: number }>(web, 'select id from users where email = ?', COMMITTEE)[0]?.id ?? 0;
      const periodId = query<{ id: number }>(web, 'select id from periods where name = ?', OPEN)[0]?.id;
      const client = await sessionClient(ctx, committeeId);
      const started = await client.post(`/api/periods/${periodId}/matching-runs`, { objective: 'most-matched', minScore: null });
      expect(started.statusCode, started.body).toBe(202);
      await waitForRun(ctx.deps, started.json().id);
      const approved = await client.post(`/api/matching-runs/${started.json().id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().matchesCreated).toBe(Number(created));
    } finally {
      await ctx.close();
      await handle.destroy();
    }

    const matches = (dataDir: string) =>
      query(
        dataDir,
        `select r.email as mentor, e.email as mentee, m.score, m.explanation, m.status, m.matching_run_id, a.email as made_by
         from matches m join users r on r.id = m.mentor_user_id join users e on e.id = m.mentee_user_id
         join periods p on p.id = m.period_id
         left join match_events v on v.match_id = m.id and v.kind = 'made'
         left join users a on a.id = v.actor_id
         where p.name = ? order by m.id`,
        OPEN,
      );
    const mail = (dataDir: string) =>
      query(dataDir, 'select to_address, subject, text_body, kind, status from outbox where id > ? order by id', outboxBefore);
    expect(matches(cli)).toHaveLength(Number(created));
    expect(matches(cli)[0]).toMatchObject({ made_by: COMMITTEE, status: 'active' });
    expect(matches(cli)).toEqual(matches(web));
    expect(mail(cli).length).toBeGreaterThan(2 * Number(created));
    expect(mail(cli)).toEqual(mail(web));
    const runs = (dataDir: string) =>
      query(dataDir, 'select status, a.email as approved_by from matching_runs r join users a on a.id = r.approved_by');
    expect(runs(cli)).toEqual([{ status: 'approved', approved_by: COMMITTEE }]);
    expect(runs(cli)).toEqual(runs(web));
    const [, mentees] = /matched \d+ of (\d+) mentees/.exec(res.stdout) ?? [];
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(1 + Number(mentees));
  });
});

describe('the command line, in one process', { timeout: 180_000 }, () => {
  let results: Record<string, CommandResult>;
  let helpOf: Record<string, CommandResult>;
  let data: string;
  let file: string;
  beforeAll(async () => {
    data = demoCopy('refusals');
    file = join(data, 'applications.csv');
    writeFileSync(file, `${IMPORT_CSV}\n`);
    const env = { ...baseEnv, TANDEM_DATA_DIR: data };
    const lines: Record<string, string[]> = {
      unmapped: ['import', 'applications', file, '--period', OPEN, '--as', STAFF],
      badMap: ['import', 'applications', file, '--period', OPEN, '--as', STAFF, '--map', 'Your e-mail=mail'],
      notStaff: ['import', 'applications', file, '--period', OPEN, '--as', 'mentee@demo.tandem.test', '--map', 'Your e-mail=email'],
      noFile: ['import', 'applications', join(data, 'none.csv'), '--period', OPEN, '--as', STAFF],
      noPeriod: ['import', 'applications', file, '--as', STAFF],
      bothForms: ['match', '--period', OPEN, '--as', COMMITTEE, '--mentors', 'a.csv', '--mentees', 'b.csv'],
      neither: ['match'],
      noActor: ['match', '--period', OPEN],
      approveTooEarly: ['match', '--period', OPEN, '--as', COMMITTEE, '--approve'],
      badMinScore: ['match', '--period', OPEN, '--as', COMMITTEE, '--min-score', '120'],
    };
    const names = Object.keys(lines);
    const out = await inOneProcess(names.map((name) => ({ args: lines[name] ?? [], env })));
    results = Object.fromEntries(names.map((name, i) => [name, out[i] as CommandResult]));

    const top = (await inOneProcess([{ args: ['--help'], env }]))[0] as CommandResult;
    const commands = [...top.stdout.matchAll(/^ {2}([a-z-]+)(?: \[options\])?(?: <\w+>)? {2,}/gm)]
      .map((m) => m[1] as string)
      .filter((c) => c !== 'help');
    const helpLines = [['--help'], ...commands.map((c) => [c, '--help']), ['import', 'applications', '--help']];
    const helps = await inOneProcess(helpLines.map((args) => ({ args, env })));
    helpOf = Object.fromEntries(helpLines.map((args, i) => [args.slice(0, -1).join(' ') || 'tandem', helps[i] as CommandResult]));
  }, 180_000);

  it('answers --help for every command, and the overview gives an example of each', () => {
    const overview = helpOf.tandem as CommandResult;
    const commands = Object.keys(helpOf).filter((c) => c !== 'tandem' && !c.includes(' '));
    expect(commands).toEqual(expect.arrayContaining(['serve', 'migrate', 'create-staff', 'demo', 'jobs', 'import', 'match']));
    for (const [command, help] of Object.entries(helpOf)) {
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`^Usage: tandem${command === 'tandem' ? '' : ` ${command}`} `));
    }
    const examples = overview.stdout.slice(overview.stdout.indexOf('Examples:'));
    for (const command of commands) expect(examples, command).toContain(`tandem ${command}`);
    expect(helpOf['import applications']?.stdout).toContain('--only-valid');
    expect(helpOf.match?.stdout).toContain('--period <period>');
  });

  it('refuses bad input with one line and a non-zero exit, writing nothing', () => {
    const oneLine = (name: string, text: string | RegExp) => {
      const r = results[name] as CommandResult;
      expect(r.code, name).not.toBe(0);
      expect(r.stderr.trimEnd().split('\n'), `${name}: ${r.stderr}`).toHaveLength(1);
      expect(r.stderr, name).toMatch(text);
    };
    oneLine('unmapped', /no column for email\. .*--map "heading=field"\. Nothing was imported\./);
    oneLine('badMap', /--map "Your e-mail=mail": "mail" is not a field; the fields are email, name/);
    oneLine('notStaff', /^tandem: --as: mentee@demo\.tandem\.test may not import applications/);
    oneLine('noFile', /none\.csv: cannot read/);
    oneLine('noPeriod', /required option '--period <period>' not specified/);
    oneLine('bothForms', /option '--period <period>' cannot be used with option '--mentors <file>'/);
    oneLine('neither', /say whom to match: --period <period> .* or --mentors <file> --mentees <file> --out <file>/);
    oneLine('noActor', /--period needs --as <email>/);
    oneLine(
      'approveTooEarly',
      /--approve: matches can be approved only while the period is in its matching phase, and "2026 cohort" is applications open/,
    );
    oneLine('badMinScore', /--min-score: .*from 0 to 100/);
    expect(applicationsIn(data, OPEN)).toBe(applicationsIn(demoDir, OPEN));
    expect(count(data, 'select count(*) as n from matching_runs')).toBe(0);
  });
});
