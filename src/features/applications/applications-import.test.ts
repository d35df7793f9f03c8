import { describe, expect, it } from 'vitest';
import { decodeCsv, MAX_IMPORT_ROWS } from '../../csv/uploaded-csv.ts';
import { prepareImportBytes } from './applications-import.ts';
import type { ImportProgram } from './applications-import.ts';

const HEADER =
  'email,name,role,interests,program_goals,channels,meet_in_person,languages,workplace_type,years_experience,career_stage,region,time_zone,hopes';
const row = (i: number, hopes = '') =>
  `p${i}@example.org,Person ${i},mentee,Storytime,1;2,email,no,English,public,3,early_career,US-IL,America/Chicago,${hopes}`;
const program = {
  goals: [
    { id: 1, title: 'Career growth', retired: false },
    { id: 2, title: 'Leadership', retired: false },
  ],
  channels: ['email', 'video'],
  appliedKeys: new Set<string>(),
};
const base64 = (text: string) => Buffer.from(text).toString('base64');
/** What the small import does with a file sent in JSON: base64 decoded, then read under its row limit. */
const prepareImport = async (input: { fileBase64: string }, p: ImportProgram) =>
  prepareImportBytes({ bytes: await decodeCsv(input.fileBase64) }, p, MAX_IMPORT_ROWS);
const importOf = (text: string) => prepareImport({ fileBase64: base64(text) }, program);

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('prepareImport line numbers', () => {
  // Far more than one parser chunk (8 KB), so records, blank lines and quoted line breaks fall on
  // chunk edges; the expected line of each record is counted while the file is written.
  for (const eol of ['\n', '\r\n']) {
    it(`counts physical lines across a long file (${JSON.stringify(eol)} line ends)`, async () => {
      const random = seeded(eol.length);
      const lines = [HEADER];
      const expected: number[] = [];
      for (let i = 0; i < 900; i += 1) {
        for (let blank = 0; random() < 0.2 && blank < 3; blank += 1) lines.push('');
        expected.push(lines.length + 1);
        const breaks = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
        const hopes = breaks === 0 ? 'Plain hopes' : `"${Array.from({ length: breaks + 1 }, (_, k) => `part ${k}, quoted`).join(eol)}"`;
        lines.push(...row(i, hopes).split(eol));
      }
      const { rows } = await importOf(lines.join(eol) + eol);
      expect(rows.map((r) => r.line)).toEqual(expected);
      expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    });
  }
});

describe('prepareImport limits', () => {
  const file = (n: number, tail = '') => [HEADER, ...Array.from({ length: n }, (_, i) => row(i))].join('\n') + '\n' + tail;

  it(`takes exactly ${MAX_IMPORT_ROWS} rows and refuses one more`, async () => {
    expect((await importOf(file(MAX_IMPORT_ROWS))).rows).toHaveLength(MAX_IMPORT_ROWS);
    await expect(importOf(file(MAX_IMPORT_ROWS + 1))).rejects.toMatchObject({
      code: 'CSV_TOO_MANY_ROWS',
      message: expect.stringMatching(/more than 5,000 rows/),
    });
  });

  it('stops reading at the first row past the limit: what follows is never parsed', async () => {
    await expect(importOf(file(MAX_IMPORT_ROWS + 1, '"never closed,\n'))).rejects.toMatchObject({ code: 'CSV_TOO_MANY_ROWS' });
    await expect(importOf(file(10, '"never closed,\n'))).rejects.toMatchObject({ code: 'CSV_MALFORMED' });
  });
});

describe('prepareImport decoding', () => {
  it('reads base64 wrapped in lines (as mail programs write it) the same as plain base64', async () => {
    const text = [HEADER, ...Array.from({ length: 1200 }, (_, i) => row(i, 'Zoë’s hopes; '.repeat(20)))].join('\n');
    const plain = base64(text);
    const wrapped = plain.replace(/.{76}/g, '$&\r\n');
    expect(wrapped.length).toBeGreaterThan(4 * 64 * 1024 * 2);
    const [a, b] = await Promise.all([importOf(text), prepareImport({ fileBase64: wrapped }, program)]);
    expect(b.result).toEqual(a.result);
    expect(a.result.rows.at(-1)).toMatchObject({ line: 1201, errors: [] });
  });
});

describe('prepareImport control characters', () => {
  it('names the mapped column holding one and keeps the row from being written', async () => {
    const text = [`${HEADER},nickname`, `${row(1).replace('Storytime', 'Story\u0085time')},Fine`, `${row(2)},Zed\u0000`].join('\n');
    const { rows } = await importOf(text);
    expect(rows[0]).toMatchObject({ line: 2, errors: [{ field: 'interests', message: expect.stringContaining('(U+0085)') }] });
    expect(rows[0]?.good).toBeUndefined();
    // A column nobody imports never reaches the database: nothing to refuse.
    expect(rows[1]).toMatchObject({ line: 3, errors: [] });
    expect(rows[1]?.good).toBeDefined();
  });
});

describe('prepareImport program goals', () => {
  const withGoals = (cell: string) => [HEADER, row(1).replace(',1;2,', `,"${cell}",`)].join('\n');
  const goalsOf = async (cell: string, goals = program.goals) => {
    const { rows } = await prepareImport({ fileBase64: base64(withGoals(cell)) }, { ...program, goals });
    return rows[0];
  };

  it('takes titles in any case and with spaces around them, ids, or both, as ids', async () => {
    for (const cell of ['career growth; LEADERSHIP', '  Career  Growth ;2', '1;2']) {
      const r = await goalsOf(cell);
      expect(r?.errors, cell).toEqual([]);
      expect(r?.good?.answers.programGoalIds, cell).toEqual([1, 2]);
    }
  });

  it('names every title the program does not have, and writes nothing for the row', async () => {
    const r = await goalsOf('Career growth; Knitting; Sailing');
    expect(r?.good).toBeUndefined();
    expect(r?.errors).toEqual([
      { field: 'program_goals', message: expect.stringContaining('The program has no goal called "Knitting", "Sailing"') },
    ]);
  });

  it('refuses a retired goal by title, and asks for the id when two current goals share a title', async () => {
    const goals = [
      { id: 1, title: 'Career growth', retired: true },
      { id: 2, title: 'Leadership', retired: false },
      { id: 3, title: 'leadership', retired: false },
      { id: 4, title: 'Career growth', retired: false },
    ];
    expect((await goalsOf('career growth', goals))?.good?.answers.programGoalIds).toEqual([4]);
    expect((await goalsOf('Leadership', goals))?.errors).toEqual([
      { field: 'program_goals', message: 'More than one current goal is called "Leadership" (ids 2, 3); use the id of the one you mean.' },
    ]);
    expect((await goalsOf('Career growth', [{ id: 1, title: 'Career growth', retired: true }]))?.errors).toEqual([
      { field: 'program_goals', message: 'The program goal "Career growth" is retired; choose from the current goals.' },
    ]);
  });
});
