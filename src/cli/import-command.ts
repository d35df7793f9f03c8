import type { Command } from 'commander';

// `tandem import applications`: the web page's CSV import from the command line. Only the option
// list loads here; the work is in import-applications.ts, loaded when the command runs.

export interface ImportApplicationsOptions {
  readonly period: string;
  readonly as: string;
  readonly map: readonly string[];
  readonly onlyValid?: boolean;
  readonly dryRun?: boolean;
  readonly progress: boolean;
}

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

export function registerImportCommand(program: Command): void {
  const importCommand = program
    .command('import')
    .description('Bring data into a period from a file (applications from CSV)')
    .addHelpText('after', '\nExample:\n  $ tandem import applications applications.csv --period "2026 cohort" --as staff@example.org');

  importCommand
    .command('applications')
    .description(
      'Import applications from a CSV file into a period, with the checks of the web page: columns are matched to fields by their headings, every bad row is listed with its line, and nothing is written unless every row is good (or --only-valid). Nobody is e-mailed.',
    )
    .argument('<file>', 'the CSV file (UTF-8; one heading row, then one row per application)')
    .requiredOption('--period <period>', "the period's name or id")
    .requiredOption('--as <email>', 'the staff or committee member importing (recorded in the audit log, as on the web page)')
    .option('--map <column=field>', 'read this field from this column, when its heading does not say (repeatable)', collect, [])
    .option('--only-valid', 'import the good rows and skip the bad ones (listed), like "Import only the good rows" on the web page')
    .option('--dry-run', 'check the file and report, but write nothing')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText(
      'after',
      `
Fields: email, name, role (mentor or mentee), phone, job_title, employer, workplace_type,
years_experience, career_stage, region, time_zone, interests, program_goals, channels,
meet_in_person, languages, hopes, capacity. Lists are separated by ";"; program_goals names
goals by title or by id.

Examples:
  $ tandem import applications applications.csv --period "2026 cohort" --as staff@example.org
  $ tandem import applications form-export.csv --period 3 --as staff@example.org \\
      --map "Your e-mail=email" --map "Areas you want to grow in=program_goals" --only-valid`,
    )
    .action(async (file: string, options: ImportApplicationsOptions, command: Command) => {
      const { importApplicationsFile } = await import('./import-applications.ts');
      const output = command.configureOutput();
      const ok = await importApplicationsFile(file, options, {
        writeOut: (text) => (output.writeOut ?? ((t: string) => process.stdout.write(t)))(text),
        writeErr: (text) => (output.writeErr ?? ((t: string) => process.stderr.write(t)))(text),
      });
      if (!ok) process.exitCode = 1;
    });
}
