import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config.ts';
import { spreadsheetCsv } from '../csv/spreadsheet-csv-stream.ts';
import { InvalidInputError } from '../errors.ts';
import { exportEventAttendance, exportSurveyResults, PERIOD_EXPORTERS } from '../features/exports/exports.service.ts';
import type { CsvExport } from '../features/exports/exports.service.ts';
import { PERIOD_EXPORT_READERS } from '../shared/exports.ts';
import type { PeriodExport } from '../shared/exports.ts';
import { actingAs, periodNamed } from './command-context.ts';
import type { ExportOptions } from './export-command.ts';
import { withDeps } from './with-deps.ts';

// `tandem export`'s work: the same exports as the staff pages, written to a file. The file appears
// only when complete: rows go to a temporary file beside it, renamed into place at the end, so an
// unknown period or a failure part way leaves no file (and never half of one) behind.

export async function runExport(what: PeriodExport, options: ExportOptions): Promise<{ file: string; rows: number }> {
  return withDeps(loadConfig(), async (deps) => {
    const by = options.as === undefined ? null : await actingAs(deps, options.as, PERIOD_EXPORT_READERS[what], `export ${what}`);
    let exported: CsvExport;
    if (options.event !== undefined) exported = await exportEventAttendance(deps, by, options.event);
    else if (options.survey !== undefined) exported = await exportSurveyResults(deps, by, options.survey);
    else exported = await PERIOD_EXPORTERS[what](deps, by, (await periodNamed(deps, options.period ?? '')).id);

    const file = options.out ?? exported.fileName;
    const partial = `${file}.${process.pid}.partial`;
    let rows = 0;
    function* counted(all: Iterable<readonly string[]>) {
      for (const row of all) {
        rows += 1;
        yield row;
      }
    }
    const csv = spreadsheetCsv({ header: exported.table.header, rows: counted(exported.table.rows) }, { bom: options.bom === true });
    try {
      await pipeline(csv, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, file);
    } catch (err) {
      await rm(partial, { force: true });
      const reason = err instanceof Error ? err.message : String(err);
      throw new InvalidInputError('EXPORT_NOT_WRITTEN', `--out: could not write ${file} (${reason}); nothing was written.`);
    }
    return { file, rows };
  });
}
