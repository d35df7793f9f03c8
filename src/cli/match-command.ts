import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Objective } from '../matching/assignment-types.ts';
import { OBJECTIVES } from '../matching/assignment-types.ts';

// `tandem match` has two forms, one per source of people: two CSV files (the engine alone, no
// database) or a period's accepted applications in the database (the committee's run, as the
// Matching page makes it). Only the option list loads here; each form imports its code when it runs.

interface MatchOptions {
  readonly period?: string;
  readonly as?: string;
  readonly approve?: boolean;
  readonly mentors?: string;
  readonly mentees?: string;
  readonly out?: string;
  readonly weights?: string;
  readonly objective?: Objective;
  readonly minScore?: number;
  readonly referenceDate?: string;
  readonly progress: boolean;
}

function parseMinScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`--min-score must be a number, got "${value}"`);
  return n;
}

const FILES_ONLY = ['mentors', 'mentees', 'weights', 'referenceDate'];

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description(
      "Propose the optimal mentor-mentee pairs: from a period's accepted applications in the database (--period), or from two CSV files with no database (--mentors, --mentees)",
    )
    .addOption(
      new Option('--period <period>', "the period's name or id: run the committee's matching on its accepted applications").conflicts(
        FILES_ONLY,
      ),
    )
    .option('--as <email>', 'with --period: the staff or committee member doing it (recorded as on the web page)')
    .addOption(
      new Option(
        '--approve',
        'with --period: approve the proposal at once, as the Matching page does (creates the matches, e-mails everyone)',
      ).conflicts(FILES_ONLY),
    )
    .option('--mentors <file>', 'mentor applications (CSV)')
    .option('--mentees <file>', 'mentee applications (CSV)')
    .option('--out <file>', 'where to write the proposals (CSV); with --period the default is matching-<period>-run-<id>.csv')
    .option('--weights <file>', 'with CSV files: criteria weights (JSON, see docs/matching.md); a period uses its own')
    .addOption(
      new Option('--objective <objective>', "what to maximise (default: the period's last run, else most-matched)").choices(OBJECTIVES),
    )
    .option('--min-score <number>', 'do not propose pairs scoring below this (0-100)', parseMinScore)
    .option('--no-progress', 'no progress bar on stderr (shown by default with --period, and at a terminal or for big files)')
    .option('--reference-date <instant>', 'with CSV files: ISO date-time for time-zone offsets (default: now)')
    .addHelpText(
      'after',
      `
Examples:
  $ tandem match --period "2026 cohort" --as chair@example.org
  $ tandem match --period 3 --as chair@example.org --out proposal.csv --approve
  $ tandem match --mentors mentors.csv --mentees mentees.csv --out proposals.csv`,
    )
    .action(async (options: MatchOptions, command: Command) => {
      const output = command.configureOutput();
      const io = {
        writeOut: (text: string) => (output.writeOut ?? ((t: string) => process.stdout.write(t)))(text),
        writeErr: (text: string) => (output.writeErr ?? ((t: string) => process.stderr.write(t)))(text),
      };
      if (options.period !== undefined) {
        if (options.as === undefined) {
          command.error(
            'error: --period needs --as <email>: the staff or committee member running the matching (it is recorded as on the web page)',
          );
        }
        const { runPeriodMatch } = await import('./match-period.ts');
        const ok = await runPeriodMatch(
          {
            period: options.period,
            as: options.as,
            approve: options.approve === true,
            out: options.out,
            objective: options.objective,
            minScore: options.minScore,
            progress: options.progress,
          },
          io,
        );
        if (!ok) process.exitCode = 1;
        return;
      }
      if (options.as !== undefined) command.error('error: --as goes with --period (CSV files need nobody to sign for them)');
      if (options.mentors === undefined || options.mentees === undefined || options.out === undefined) {
        command.error(
          'error: say whom to match: --period <period> (accepted applications in the database) or --mentors <file> --mentees <file> --out <file> (two CSV files)',
        );
      }
      const { runMatch } = await import('./match-files.ts');
      const ok = await runMatch(
        {
          mentors: options.mentors,
          mentees: options.mentees,
          out: options.out,
          weights: options.weights,
          objective: options.objective ?? 'most-matched',
          minScore: options.minScore,
          referenceDate: options.referenceDate,
        },
        { ...io, ...(!options.progress && { progress: false }) },
      );
      if (!ok) process.exitCode = 1;
    });
}
