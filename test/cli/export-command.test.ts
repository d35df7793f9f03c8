import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDeps } from '../../src/cli/with-deps.ts';
import { loadConfig } from '../../src/config.ts';
import { insertPeriod } from '../../src/features/periods/periods.store.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { setUpProgram } from '../setup/test-app.ts';
import type { CommandResult } from './tandem-in-one-process.ts';
import { cliEnv, runTandem } from './run-tandem.ts';

// `tandem export` as people run it: bin/tandem.js in a process of its own, against a SQLite
// program made here in a data directory of its own. The commands run at the same time.

const root = mkdtempSync(join(tmpdir(), 'tandem-export-'));
const dataDir = join(root, 'data');
const env = cliEnv({ TANDEM_DATA_DIR: dataDir });

const EVIL = '=HYPERLINK("http://evil.example","x")';
const out = (name: string) => join(root, name);

const tandem = (args: string[]): Promise<CommandResult> => runTandem(args, env);

const COMMANDS = {
  matches: ['export', 'matches', '--period', 'export year', '--out', out('matches.csv'), '--bom'],
  applications: ['export', 'applications', '--period', '1', '--out', out('applications.csv')],
  unknownPeriod: ['export', 'contacts', '--period', 'No such year', '--out', out('never.csv')],
  unknownEvent: ['export', 'attendance', '--event', '999999', '--out', out('never-event.csv')],
  eventWithMatches: ['export', 'matches', '--event', '1', '--out', out('never-2.csv')],
  unknownWhat: ['export', 'everything', '--period', '1', '--out', out('never-3.csv')],
  help: ['export', '--help'],
};
let results: Record<keyof typeof COMMANDS, CommandResult>;

beforeAll(async () => {
  await withDeps(loadConfig({ ...env, NODE_ENV: 'test' }), async (deps) => {
    await setUpProgram(deps);
    const periodId = await insertPeriod(deps.db, {
      name: 'Export year',
      applicationsOpenOn: '2026-09-01',
      applicationsCloseOn: '2026-09-30',
      matchesAnnouncedOn: '2026-10-15',
      programEndsOn: '2027-09-30',
      surveyOpensOn: '2027-09-01',
      surveyClosesOn: '2027-09-21',
      at: deps.clock.now().toISOString(),
    });
    const match = await createTestMatch(deps, { periodId, names: ['Evil Mentor', 'Zoë Mentee'] });
    await deps.db.updateTable('users').set({ name: EVIL }).where('id', '=', match.mentorId).execute();
  });
  const names = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];
  const done = await Promise.all(names.map((name) => tandem(COMMANDS[name])));
  results = Object.fromEntries(names.map((name, i) => [name, done[i]])) as typeof results;
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tandem export', () => {
  it('writes a period’s matches, formula-safe, with a BOM when asked, and says how many rows', () => {
    expect(results.matches, results.matches.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(results.matches.stdout).toBe(`Wrote 1 row to ${out('matches.csv')}.\n`);
    const text = readFileSync(out('matches.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [row] = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ Mentor: `'${EVIL}`, Mentee: 'Zoë Mentee', Status: 'Active' });
  });

  it('takes the period by id too, and writes no BOM unless asked', () => {
    expect(results.applications, results.applications.stderr).toMatchObject({ code: 0 });
    const text = readFileSync(out('applications.csv'), 'utf8');
    expect(text.startsWith('E-mail,Name,Role,')).toBe(true);
    expect(parse(text, { columns: true })).toHaveLength(2);
  });

  it('refuses an unknown period, event or export in one line, exits non-zero and writes no file', () => {
    expect(results.unknownPeriod.code).toBe(1);
    expect(results.unknownPeriod.stderr).toBe('tandem: No period is named or numbered "No such year". Periods: "Export year" (1).\n');
    expect(results.unknownEvent).toMatchObject({ code: 1, stderr: 'tandem: No such event.\n' });
    expect(results.eventWithMatches.code).not.toBe(0);
    expect(results.eventWithMatches.stderr).toContain('--event goes with attendance');
    expect(results.unknownWhat.code).not.toBe(0);
    expect(results.unknownWhat.stderr).toContain("value 'everything' is invalid");
    for (const file of ['never.csv', 'never-event.csv', 'never-2.csv', 'never-3.csv']) expect(existsSync(out(file)), file).toBe(false);
    expect(readdirPartials()).toEqual([]);
  });

  it('explains itself with examples', () => {
    expect(results.help.code).toBe(0);
    expect(results.help.stdout).toContain('Usage: tandem export [options] <what>');
    expect(results.help.stdout).toContain('$ tandem export applications --period "2026 cohort" --out applications.csv');
  });
});

/** Temporary files left behind by a failed write (there must be none). */
function readdirPartials(): string[] {
  return readdirSync(root).filter((f) => f.endsWith('.partial'));
}
