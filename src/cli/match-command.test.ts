import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerMatchCommand } from './match-command.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'match');

async function run(args: string[]): Promise<{ out: string; err: string; exitCode: number | undefined }> {
  let out = '';
  let err = '';
  const program = new Command('tandem').exitOverride();
  program.configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  registerMatchCommand(program);
  await program.parseAsync(['node', 'tandem', 'match', ...args, '--reference-date', '2026-01-15T12:00:00Z']);
  const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
  return { out, err, exitCode };
}

describe('tandem match', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-match-'));
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('writes one row per mentee in input order, with explanations, and prints a summary', async () => {
    const out = join(dir, 'proposals.csv');
    const result = await run(['--mentors', join(fixtures, 'mentors.csv'), '--mentees', join(fixtures, 'mentees.csv'), '--out', out]);
    expect(result.err).toBe('');
    expect(result.exitCode).toBeUndefined();
    expect(result.out).toMatch(
      /^Matched 3 of 4 mentees \(1 unmatched\) with 2 mentors\.\nTotal score [\d.]+, mean [\d.]+, worst [\d.]+\.\nWrote .* in [\d.]+ s\.\n$/,
    );
    const csv = await readFile(out, 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('mentee_id,mentor_id,score,explanation');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['mentee_id', 'e1', 'e2', 'e3', 'e4']);
    expect(lines[1]).toMatch(
      /^e1,m1,[\d.]+,"1 shared program goal \(1\); 2 shared interests \(storytime, early literacy\); both in public libraries; .*same time zone/,
    );
    expect(lines[2]).toBe('e2,,,the only eligible mentor is full: their places went where they add more to the overall matching');
    expect(lines[3]).toMatch(/^e3,m2,/);
    expect(lines[4]).toMatch(/^e4,/);
  });

  it('honours --objective, --min-score and --weights', async () => {
    const out = join(dir, 'p.csv');
    const weights = join(dir, 'weights.json');
    await writeFile(weights, JSON.stringify({ workplace: { must: true } }));
    const result = await run([
      '--mentors',
      join(fixtures, 'mentors.csv'),
      '--mentees',
      join(fixtures, 'mentees.csv'),
      '--out',
      out,
      '--weights',
      weights,
      '--objective',
      'total-score',
      '--min-score',
      '30',
    ]);
    expect(result.exitCode).toBeUndefined();
    const csv = await readFile(out, 'utf8');
    expect(csv).toContain('e4,,,"no eligible mentor (2 failing the required ""workplace"" criterion)"');
    expect(result.out).toContain('Matched 2 of 4');
  });

  it('accepts BOM and CRLF', async () => {
    const mentors = join(dir, 'mentors.csv');
    const mentees = join(dir, 'mentees.csv');
    await writeFile(mentors, '\uFEFFid,capacity\r\nm1,2\r\n');
    await writeFile(mentees, '\uFEFFid,interests\r\ne1,storytime\r\ne2,\r\n');
    const out = join(dir, 'p.csv');
    const result = await run(['--mentors', mentors, '--mentees', mentees, '--out', out]);
    expect(result.exitCode).toBeUndefined();
    expect(await readFile(out, 'utf8')).toMatch(/^mentee_id,mentor_id,score,explanation\ne1,m1,.*\ne2,m1,/);
  });

  it('reports all bad rows with file and line, writes nothing, exits non-zero', async () => {
    const mentors = join(dir, 'mentors.csv');
    const mentees = join(dir, 'mentees.csv');
    await writeFile(mentors, 'id,capacity,time_zone\nm1,x,\nm1,1,Nowhere/Land\n');
    await writeFile(mentees, 'id,workplace_type,years_experience\n,public,1\ne2,castle,ten\n');
    const out = join(dir, 'p.csv');
    const result = await run(['--mentors', mentors, '--mentees', mentees, '--out', out]);
    expect(result.exitCode).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.err.trimEnd().split('\n')).toEqual([
      `${mentors}:2: capacity: not a whole number of mentees: "x"`,
      `${mentors}:3: id: duplicate id "m1" (first on line 2)`,
      `${mentors}:3: time_zone: unknown time zone "Nowhere/Land"`,
      `${mentees}:2: id: missing id`,
      `${mentees}:3: workplace_type: unknown workplace type "castle" (expected public, school, academic, special, other)`,
      `${mentees}:3: years_experience: not a number of years: "ten"`,
      'Nothing was written.',
    ]);
  });

  it('rejects a bad weights file and a missing input file', async () => {
    const weights = join(dir, 'w.json');
    await writeFile(weights, '{"goals":{"weight":-2}}');
    const out = join(dir, 'p.csv');
    const result = await run([
      '--mentors',
      join(dir, 'none.csv'),
      '--mentees',
      join(fixtures, 'mentees.csv'),
      '--out',
      out,
      '--weights',
      weights,
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('none.csv: cannot read');
    expect(result.err).toContain('w.json: goals.weight:');
    expect(existsSync(out)).toBe(false);
  });
});
