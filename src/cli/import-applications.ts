// `tandem import applications FILE --period P --as EMAIL`: reads the file, works out the column
// mapping as the web page does (headings by name, then --map), and hands the rest to the web
// import's own core (importCsv), so the checks, the errors, the limits (100,000 rows) and the
// single transaction are the same.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { checkedCsvBytes, parseCsv } from '../csv/uploaded-csv.ts';
import { automaticMapping } from '../features/applications/applications-import.ts';
import { importCsv } from '../features/applications/applications-import.service.ts';
import { MAX_FILE_IMPORT_BYTES, MAX_FILE_IMPORT_ROWS } from '../shared/api/application-imports.ts';
import type { ImportMode } from '../shared/api/application-imports.ts';
import { IMPORT_FIELDS } from '../shared/api/applications.ts';
import { toInstant } from '../time/instant.ts';
import type { ImportField, ImportResult } from '../shared/api/applications.ts';
import { actingAs, periodNamed, progressBar } from './command-context.ts';
import type { ImportApplicationsOptions } from './import-command.ts';
import { withDeps } from './with-deps.ts';

export interface CommandIo {
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

const isField = (name: string): name is ImportField => (IMPORT_FIELDS as readonly string[]).includes(name);

/** `--map "Heading=field"` (the last "=" splits, a heading may hold one) → field → heading. */
export function parseMapOptions(values: readonly string[]): { mapping: Partial<Record<ImportField, string>>; problems: string[] } {
  const mapping: Partial<Record<ImportField, string>> = {};
  const problems: string[] = [];
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const heading = value.slice(0, Math.max(at, 0)).trim();
    const field = value.slice(at + 1).trim();
    if (at <= 0 || heading === '')
      problems.push(`--map "${value}": write it as "column heading=field", e.g. --map "E-mail address=email".`);
    else if (!isField(field)) problems.push(`--map "${value}": "${field}" is not a field; the fields are ${IMPORT_FIELDS.join(', ')}.`);
    else if (mapping[field] !== undefined) problems.push(`--map: ${field} is given twice ("${mapping[field]}" and "${heading}").`);
    else mapping[field] = heading;
  }
  return { mapping, problems };
}

/** The headings' own mapping, with --map on top: a column named there is read for that field only. */
async function mappingFor(bytes: Buffer, explicit: Partial<Record<ImportField, string>>): Promise<Partial<Record<ImportField, string>>> {
  const { records } = await parseCsv(bytes, 1);
  const headings = (records[0]?.cells ?? []).map((h) => h.trim());
  const chosen = new Set(Object.values(explicit));
  const automatic = Object.entries(automaticMapping(headings)).filter(([, heading]) => !chosen.has(heading));
  return { ...Object.fromEntries(automatic), ...explicit };
}

function report(file: string, result: ImportResult, mode: ImportMode, periodName: string, io: CommandIo): boolean {
  const { counts } = result;
  if (result.unmapped.length > 0) {
    io.writeErr(
      `${file}: no column for ${result.unmapped.join(', ')}. The headings are: ${result.headings.map((h) => `"${h}"`).join(', ')}. ` +
        `Name the column of each with --map "heading=field". Nothing was imported.\n`,
    );
    return false;
  }
  const bad = result.rows.filter((r) => r.errors.length > 0);
  const lines = bad.flatMap((r) => r.errors.map((e) => `${file}:${r.line}: ${e.field}: ${e.message}`));
  if (lines.length > 0) io.writeErr(`${lines.join('\n')}\n`);
  const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
  if (counts.total === 0) {
    io.writeErr(`${file} has a heading row but no applications. Nothing was imported.\n`);
    return false;
  }
  if (mode === 'preview') {
    io.writeOut(
      `Checked ${rows(counts.total)} for "${periodName}": ${counts.good} good, ${counts.bad} with errors. Nothing was written (--dry-run).\n`,
    );
    return counts.bad === 0;
  }
  if (!result.imported) {
    io.writeErr(
      counts.good === 0
        ? `None of the ${rows(counts.total)} can be imported. Nothing was imported.\n`
        : `${counts.bad} of ${rows(counts.total)} ${counts.bad === 1 ? 'has' : 'have'} errors, so nothing was imported. Fix them, or import the ${counts.good} good ${counts.good === 1 ? 'one' : 'ones'} alone with --only-valid.\n`,
    );
    return false;
  }
  const skipped = counts.bad > 0 ? `; skipped ${rows(counts.bad)} with errors (listed above)` : '';
  io.writeOut(`Imported ${counts.imported} ${counts.imported === 1 ? 'application' : 'applications'} into "${periodName}"${skipped}.\n`);
  return true;
}

export async function importApplicationsFile(file: string, options: ImportApplicationsOptions, io: CommandIo): Promise<boolean> {
  const { mapping: explicit, problems } = parseMapOptions(options.map);
  if (problems.length > 0) {
    io.writeErr(`${problems.join('\n')} Nothing was imported.\n`);
    return false;
  }
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    io.writeErr(`${file}: cannot read: ${(error as Error).message}\n`);
    return false;
  }
  const mode: ImportMode = options.dryRun === true ? 'preview' : options.onlyValid === true ? 'good-rows' : 'all-or-nothing';
  // The web page's background import's limits: 64 MB and 100,000 rows.
  if (raw.length > MAX_FILE_IMPORT_BYTES) {
    io.writeErr(`${file}: the file is too big to import (over ${MAX_FILE_IMPORT_BYTES / 1024 / 1024} MB); split it into smaller files.\n`);
    return false;
  }
  const bytes = checkedCsvBytes(raw);
  const mapping = await mappingFor(bytes, explicit);
  return withDeps(loadConfig(), async (deps) => {
    const period = await periodNamed(deps, options.period);
    const actor = await actingAs(deps, options.as, ['staff', 'committee'], 'import applications');
    const bar = {
      checking: progressBar('Reading and checking (bytes)', options.progress),
      writing: progressBar('Writing rows', options.progress),
    };
    let result: ImportResult;
    try {
      const job = { actorId: actor.userId, periodId: period.id, mapping, mode, at: toInstant(deps.clock.now()) };
      result = await importCsv(deps.db, job, () => bytes, {
        maxRows: MAX_FILE_IMPORT_ROWS,
        onProgress: (step, done, total) => {
          if (step === 'writing') bar.checking.stop();
          if (step === 'writing' && done === 0) return; // said as the write begins; the bar starts with the first rows
          // Rows are checked as the file is read: that bar counts bytes.
          bar[step === 'reading' ? 'checking' : 'writing'].update(done, total);
        },
      });
    } finally {
      bar.checking.stop();
      bar.writing.stop();
    }
    return report(file, result, mode, period.name, io);
  });
}
