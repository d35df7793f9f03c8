import { Argument, InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { PERIOD_EXPORTS } from '../shared/exports.ts';
import type { PeriodExport } from '../shared/exports.ts';

// `tandem export <what>`: the staff pages' CSV downloads from the command line. Only the option
// list loads here; the work is in export-file.ts, loaded when the command runs.

export interface ExportOptions {
  readonly period?: string;
  readonly event?: number;
  readonly survey?: number;
  readonly out?: string;
  readonly bom?: boolean;
  readonly as?: string;
}

/** An event or survey id, as in the page's address (/events/12). */
function rowId(what: string) {
  return (value: string): number => {
    const id = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || id < 1 || id > 2_147_483_647) {
      throw new InvalidArgumentError(`Use the ${what}'s number, as in its page's address (/${what}s/12).`);
    }
    return id;
  };
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write a period\'s data to a CSV file, as the staff pages\' "Download CSV" does: formula-safe, UTF-8 (--bom for Excel). Survey results are aggregates only, with small groups hidden. Each export is recorded in the audit log.',
    )
    .addArgument(new Argument('<what>', 'what to export').choices(PERIOD_EXPORTS))
    .option('--period <period>', "the period's name or id")
    .addOption(
      new Option('--event <id>', "attendance only: one event (any event, held or not) instead of the period's held events").argParser(
        rowId('event'),
      ),
    )
    .addOption(
      new Option('--survey <id>', "survey-results only: one closed survey instead of the period's closed surveys").argParser(
        rowId('survey'),
      ),
    )
    .option('--out <file>', 'the file to write (default: a name like applications-2026-cohort.csv in the current folder)')
    .option('--bom', 'start the file with a byte-order mark, so Excel reads it as UTF-8')
    .option('--as <email>', 'the staff member exporting, recorded in the audit log (default: recorded as the command line)')
    .addHelpText(
      'after',
      `
Columns are headed in words; instants are ISO 8601 in UTC ("Matched at (UTC)"), days are the
program's calendar days (YYYY-MM-DD). The applications file re-imports with \`tandem import\`.

Examples:
  $ tandem export applications --period "2026 cohort" --out applications.csv
  $ tandem export goal-sheets --period 3 --out goal-sheets.csv --bom
  $ tandem export attendance --period "2026 cohort" --out attendance.csv
  $ tandem export attendance --event 12 --out forum.csv
  $ tandem export survey-results --survey 4 --out check-in.csv`,
    )
    .action(async (what: PeriodExport, options: ExportOptions, command: Command) => {
      if (options.event !== undefined && what !== 'attendance') command.error('error: --event goes with attendance');
      if (options.survey !== undefined && what !== 'survey-results') command.error('error: --survey goes with survey-results');
      const one = options.event ?? options.survey;
      if (one !== undefined && options.period !== undefined)
        command.error(`error: give --period or --${options.event ? 'event' : 'survey'}, not both`);
      if (one === undefined && options.period === undefined) {
        command.error(
          `error: say which period: --period <name or id>${what === 'attendance' ? ' (or --event <id>)' : what === 'survey-results' ? ' (or --survey <id>)' : ''}`,
        );
      }
      const { runExport } = await import('./export-file.ts');
      const written = await runExport(what, options);
      process.stdout.write(`Wrote ${written.rows} ${written.rows === 1 ? 'row' : 'rows'} to ${written.file}.\n`);
    });
}
